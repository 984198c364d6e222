package dev.darkmaximus.testsupport.xui;

import java.util.List;

/**
 * The 3x-ui releases the shop supports, with how each answers, read from the panel's own source at that tag
 * (github.com/MHSanaei/3x-ui; files named per flag). {@link FakeXuiPanel} answers as the release it is given.
 *
 * @param version          what the release reports ({@code config/version}, {@code internal/config/version} on v3.3.1+)
 * @param generation3      v3: CSRF on {@code POST /login} and unsafe requests, {@code GET /csrf-token}, bearer API
 *                         tokens, the login limiter ({@code web/controller/index.go}, {@code web/session/csrf.go},
 *                         {@code web/controller/login_limiter.go} at v3.0.0)
 * @param clientRoutes     {@code /panel/api/clients/*}, and the v2 client routes gone ({@code web/controller/client.go},
 *                         {@code inbound.go} at v3.1.0)
 * @param oldMessages      v2.4–v2.5 answers "X Successfully" / "X Failed: err"; v2.6.0+ "X (err)" and i18n toasts
 *                         ({@code web/controller/util.go} jsonMsgObj)
 * @param loginSecret      the second factor is {@code loginSecret} before v2.6.0, {@code twoFactorCode} after
 *                         ({@code web/controller/index.go} LoginForm)
 * @param redirectSignedOut an unauthenticated {@code /panel/api} call gets 307 (401 with X-Requested-With) up to v2.8.3;
 *                         from v2.8.4 404 with an empty body ({@code web/controller/api.go} checkAPIAuth)
 * @param xhr401           v3.0.2+: a refused bearer token or session answers 401 when X-Requested-With is sent, else 404
 * @param textNotFound     unknown routes answer "404 page not found" up to v2.8.4, an empty 404 from v2.8.5
 *                         ({@code web/web.go} NoRoute)
 * @param trafficUnknown   what {@code getClientTraffics/{email}} (v3.1+: {@code clients/traffic/{email}}) answers for an
 *                         unknown email: "null" (success, obj null: up to v2.8.0 and v3.2.8+), or the failure message
 *                         (v2.8.1 … v3.2.7, {@code web/service/inbound.go} GetClientInboundByEmail)
 * @param deleteByEmail    {@code /{id}/delClientByEmail/{email}} exists (v2.8.0 … v3.0.x)
 * @param delUnknownFails  {@code delClient} of an unknown id fails (v2.9.4+); before, it answers success
 * @param serverRoutes     {@code /panel/api/server/status} exists (v2.7.0+)
 * @param statusVersion    {@code server/status} carries {@code panelVersion} (v3.1.0+, {@code web/service/server.go})
 * @param pageVersion      where the HTML shows the version: "css" (every v2 sign-in page, custom.min.css?ver),
 *                         "login-js" (v3.0.0 sign-in page, window.__X_UI_CUR_VER__), "panel-js" (v3.0.1+ only behind
 *                         the sign-in, window.X_UI_CUR_VER)
 * @param nestedInbounds   inbound settings/streamSettings are nested JSON (v3.1.0+ Inbound.MarshalJSON), else strings
 * @param clientGetUnknown msg of {@code clients/get/{email}} for an unknown email (v3.6.0: "Obtain (record not found)")
 * @param reuseOnReAdd     v3.5.0+: re-adding an email with its stored subId is a no-op success
 *                         ({@code internal/web/service/client_crud.go} Create)
 */
public record XuiRelease(String version, boolean generation3, boolean clientRoutes, boolean oldMessages,
                         boolean loginSecret, boolean redirectSignedOut, boolean xhr401, boolean textNotFound,
                         String trafficUnknown, boolean deleteByEmail, boolean delUnknownFails, boolean serverRoutes,
                         boolean statusVersion, String pageVersion, boolean nestedInbounds, String clientGetUnknown,
                         boolean reuseOnReAdd) {

    private static final String NOT_FOUND_TRAFFIC = "Error getting traffics. (Inbound Not Found For Email: %s\n)";

    /** v2.4.11 (2024-12): the oldest v2.4 build still common; no delClientByEmail, no /panel/api/server. */
    public static final XuiRelease V2_4_11 = new XuiRelease("2.4.11", false, false, true, true, true, false, true,
            null, false, false, false, false, "css", false, null, false);
    /** v2.7.0: /panel/api/server routes, twoFactorCode, i18n messages. */
    public static final XuiRelease V2_7_0 = new XuiRelease("2.7.0", false, false, false, false, true, false, true,
            null, false, false, true, false, "css", false, null, false);
    /** v2.8.0: first with delClientByEmail; unknown traffic still obj:null. */
    public static final XuiRelease V2_8_0 = new XuiRelease("2.8.0", false, false, false, false, true, false, true,
            null, true, false, true, false, "css", false, null, false);
    /** v2.8.1: getClientTraffics answers an unknown email with success:false. */
    public static final XuiRelease V2_8_1 = new XuiRelease("2.8.1", false, false, false, false, true, false, true,
            NOT_FOUND_TRAFFIC, true, false, true, false, "css", false, null, false);
    /** v2.8.11: unauthenticated API calls and unknown routes answer an empty 404. */
    public static final XuiRelease V2_8_11 = new XuiRelease("2.8.11", false, false, false, false, false, false, false,
            NOT_FOUND_TRAFFIC, true, false, true, false, "css", false, null, false);
    /** v2.9.4 (last v2): delClient of an unknown id fails. */
    public static final XuiRelease V2_9_4 = new XuiRelease("2.9.4", false, false, false, false, false, false, false,
            NOT_FOUND_TRAFFIC, true, true, true, false, "css", false, null, false);
    /** v3.0.0: CSRF and bearer tokens, still the v2 client routes; a refused token is always 404. */
    public static final XuiRelease V3_0_0 = new XuiRelease("3.0.0", true, false, false, false, false, false, false,
            NOT_FOUND_TRAFFIC, true, true, true, false, "login-js", false, null, false);
    /** v3.0.2: 401 for a refused token when X-Requested-With is sent; version only behind the sign-in. */
    public static final XuiRelease V3_0_2 = new XuiRelease("3.0.2", true, false, false, false, false, true, false,
            NOT_FOUND_TRAFFIC, true, true, true, false, "panel-js", false, null, false);
    /** v3.1.0: the clients API; unknown traffic fails; clients/get answers " (record not found)". */
    public static final XuiRelease V3_1_0 = new XuiRelease("3.1.0", true, true, false, false, false, true, false,
            "Error getting traffic. (Inbound Not Found For Email: %s\n)", false, true, true, true, "panel-js", true,
            " (record not found)", false);
    /** v3.6.0 (current): unknown traffic is obj:null again; re-adding with the stored subId is a no-op. */
    public static final XuiRelease V3_6_0 = new XuiRelease("3.6.0", true, true, false, false, false, true, false,
            null, false, true, true, true, "panel-js", true, "Obtain (record not found)", true);

    /** Every supported release, oldest first: the adapter's lifecycle suite runs against each. */
    public static List<XuiRelease> all() {
        return List.of(V2_4_11, V2_7_0, V2_8_0, V2_8_1, V2_8_11, V2_9_4, V3_0_0, V3_0_2, V3_1_0, V3_6_0);
    }

    @Override
    public String toString() {
        return "3x-ui v" + version;
    }
}
