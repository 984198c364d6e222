package dev.darkmaximus.testsupport.xui;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A 3x-ui panel that answers as the given {@link XuiRelease} does, with state: inbounds and their clients, traffic
 * rows, cookie sessions with CSRF tokens (v3), an API token (v3), two-factor sign-in and v3's login limiter. Built
 * from the panel's source at each tag (MHSanaei/3x-ui: {@code web/controller/index.go, api.go, inbound.go, client.go},
 * {@code web/service/inbound.go, client.go}, {@code web/session/csrf.go}, {@code web/controller/util.go}); the
 * inbound and client routes live in {@link FakeXuiRoutes}. Runs in WireMock: one catch-all stub, answered by this
 * transformer. Under the web base path {@value #ROOT}; inbound 1 is VLESS + TCP + Reality on 443 with the operator's
 * own Vision client on it (3x-ui won't delete an inbound's last client).
 */
public final class FakeXuiPanel {

    public static final String ROOT = "/secret";
    public static final String USERNAME = "admin";
    public static final String PASSWORD = "panel-password";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final XuiRelease release;
    private final WireMockServer server;
    private final FakeXuiRoutes routes;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new HashMap<>();
    private final List<Instant> loginFailures = new ArrayList<>();
    private Instant lockedUntil;
    private String apiToken;
    private String twoFactorCode;
    private boolean down;
    private int slowWritesMillis;

    private static final class Session {
        final String csrf;
        boolean signedIn;

        Session(String csrf) {
            this.csrf = csrf;
        }
    }

    private final boolean operatorClient;

    /** A panel whose inbound 1 already holds the operator's own client. */
    public FakeXuiPanel(XuiRelease release) {
        this(release, true);
    }

    /** @param operatorClient whether inbound 1 starts with the operator's own client, or empty */
    public FakeXuiPanel(XuiRelease release, boolean operatorClient) {
        this(release, operatorClient, null);
    }

    /**
     * @param keystore a PKCS#12 file under {@code src/test/resources/tls} (password {@code changeit}) that the https
     *                 port serves, or null for WireMock's own certificate
     */
    public FakeXuiPanel(XuiRelease release, boolean operatorClient, String keystore) {
        this.release = release;
        this.operatorClient = operatorClient;
        this.routes = new FakeXuiRoutes(release);
        var options = options().dynamicPort().dynamicHttpsPort().extensions(new Answering());
        if (keystore != null) {
            options.keystorePath(FakeXuiPanel.class.getResource("/tls/" + keystore).getPath())
                    .keystoreType("PKCS12").keystorePassword("changeit").keyManagerPassword("changeit");
        }
        this.server = new WireMockServer(options);
    }

    public FakeXuiPanel start() {
        server.start();
        // Only this catch-all stub is answered by the fake; a test's own stub for a route (a 500, a delay) wins.
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(ok().withTransformers("fake-3x-ui")));
        String operator = """
                {"id":"5c1f0f9e-7c3d-4e1b-9d7a-1b2c3d4e5f60","flow":"xtls-rprx-vision","email":"operator-test",
                 "limitIp":0,"totalGB":0,"expiryTime":0,"enable":true,"tgId":0,"subId":"operatortest0001","comment":"",
                 "reset":0}""";
        routes.addInbound(1, "vless", 443, "{\"clients\":[" + (operatorClient ? operator : "")
                + "],\"decryption\":\"none\",\"fallbacks\":[]}", """
                {"network":"tcp","security":"reality","externalProxy":[],"tcpSettings":{"acceptProxyProtocol":false,
                 "header":{"type":"none"}},"realitySettings":{"show":false,"xver":0,"target":"www.microsoft.com:443",
                 "serverNames":["www.microsoft.com"],"privateKey":"yBaw532IIUNuQWDTncozoBaLJmcd1JZzvsHUgVPxMk8",
                 "shortIds":["6ba85179e30d4fc2"],"settings":{"publicKey":"Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw",
                 "fingerprint":"chrome","serverName":"","spiderX":"/"}}}""");
        return this;
    }

    public void stop() {
        server.stop();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The same panel over HTTPS with WireMock's self-signed certificate. */
    public String httpsBaseUrl() {
        return "https://localhost:" + server.httpsPort();
    }

    public XuiRelease release() {
        return release;
    }

    public FakeXuiRoutes state() {
        return routes;
    }

    /** v3: the token under Settings → Security → API Token; null removes it. */
    public synchronized void apiToken(String token) {
        this.apiToken = token;
    }

    /** Two-factor sign-in on, with the code the panel will accept. */
    public synchronized void twoFactorCode(String code) {
        this.twoFactorCode = code;
    }

    /** Every session cookie stops working, as after sessionMaxAge or a panel restart. */
    public synchronized void expireSessions() {
        sessions.clear();
    }

    /** The panel stops answering (connection reset) or answers again. */
    public synchronized void down(boolean down) {
        this.down = down;
    }

    /** Writes (POST) still happen, but their answer arrives only after this long (a lost answer). */
    public synchronized void slowWrites(int millis) {
        this.slowWritesMillis = millis;
    }

    /** How many requests the panel received for this method and path (relative to the base path). */
    public int requests(String method, String path) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals(method)
                        && e.getRequest().getUrl().equals(ROOT + path))
                .count();
    }

    /** The WireMock side: every request reaches {@link #answer}. */
    private final class Answering implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-3x-ui";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return answer(event);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    private synchronized ResponseDefinition answer(ServeEvent event) {
        if (down) {
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        Request request = event.getRequest();
        String url = request.getUrl();
        String rawPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (!rawPath.startsWith(ROOT + "/")) {
            return routes.notFound();
        }
        String path = rawPath.substring(ROOT.length());
        String method = request.getMethod().getName();
        String cookie = cookie(request);
        if (path.equals("/") && method.equals("GET")) {
            return html(200, signInPage());
        }
        if (path.equals("/csrf-token") && method.equals("GET") && release.generation3()) {
            return csrfToken(cookie);
        }
        if (path.equals("/login") && method.equals("POST")) {
            return login(request, cookie);
        }
        if (path.equals("/panel/") && method.equals("GET")) {
            return signedIn(cookie) ? html(200, panelPage()) : signedOut(request);
        }
        if (!path.startsWith("/panel/api/")) {
            return routes.notFound();
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.substring("/panel/api/".length()).split("/", -1)) {
            segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
        if (!routes.exists(method, segments)) {
            return routes.notFound(); // gin runs no group middleware, auth included, for an unmatched route
        }
        boolean bearer = apiToken != null && ("Bearer " + apiToken).equals(request.getHeader("Authorization"));
        if (!bearer) {
            if (!signedIn(cookie)) {
                return signedOut(request);
            }
            Session session = sessions.get(cookie);
            if (release.generation3() && method.equals("POST")
                    && !session.csrf.equals(request.getHeader("X-CSRF-Token"))) {
                return empty(403); // web/middleware/security.go CSRFMiddleware
            }
        }
        ResponseDefinition answer = routes.answer(method, segments, request.getBodyAsString(), request.getHost());
        if (slowWritesMillis > 0 && method.equals("POST")) {
            return ResponseDefinitionBuilder.like(answer).withFixedDelay(slowWritesMillis).build();
        }
        return answer;
    }

    private boolean signedIn(String cookie) {
        Session session = cookie == null ? null : sessions.get(cookie);
        return session != null && session.signedIn;
    }

    /** What an API call without a valid session or token gets, by release (see {@link XuiRelease}). */
    private ResponseDefinition signedOut(Request request) {
        boolean xhr = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        if (release.redirectSignedOut()) {
            return xhr ? FakeXuiRoutes.json(401, FakeXuiRoutes.envelope(false,
                    "Your session has expired, please log in again", null))
                    : new ResponseDefinitionBuilder().withStatus(307).withHeader("Location", ROOT + "/").build();
        }
        return empty(release.xhr401() && xhr ? 401 : 404);
    }

    private ResponseDefinition csrfToken(String cookie) {
        Session session = cookie == null ? null : sessions.get(cookie);
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8");
        if (session == null) {
            session = new Session(UUID.randomUUID().toString().replace("-", "") + "csrf");
            cookie = "s" + UUID.randomUUID();
            sessions.put(cookie, session);
            response.withHeader("Set-Cookie", "3x-ui=" + cookie + "; Path=" + ROOT + "; Max-Age=21600; HttpOnly; SameSite=Lax");
        }
        // a gin.H map: keys sorted, no msg (web/controller/index.go csrfToken)
        return response.withBody("{\"obj\":\"" + session.csrf + "\",\"success\":true}").build();
    }

    private ResponseDefinition login(Request request, String cookie) {
        Session csrfSession = cookie == null ? null : sessions.get(cookie);
        if (release.generation3() && (csrfSession == null
                || !csrfSession.csrf.equals(request.getHeader("X-CSRF-Token")))) {
            return empty(403);
        }
        JsonNode form = form(request);
        String second = form.path(release.loginSecret() ? "loginSecret" : "twoFactorCode").asString("");
        Instant now = clock.instant();
        String wrong = release.oldMessages() ? "Invalid username or password or secret."
                : "Invalid username or password or two-factor code.";
        if (release.generation3() && lockedUntil != null && now.isBefore(lockedUntil)) {
            return FakeXuiRoutes.json(200, FakeXuiRoutes.envelope(false, wrong, null));
        }
        if (form.path("username").asString("").isEmpty()) {
            return FakeXuiRoutes.json(200, FakeXuiRoutes.envelope(false, "Username is required", null));
        }
        boolean secondOk = twoFactorCode == null ? (!release.loginSecret() || second.isEmpty())
                : twoFactorCode.equals(second);
        if (!USERNAME.equals(form.path("username").asString()) || !PASSWORD.equals(form.path("password").asString(""))
                || !secondOk) {
            loginFailures.add(now);
            loginFailures.removeIf(at -> at.isBefore(now.minus(Duration.ofMinutes(5))));
            if (loginFailures.size() >= 5) {
                lockedUntil = now.plus(Duration.ofMinutes(15)); // web/controller/login_limiter.go
            }
            return FakeXuiRoutes.json(200, FakeXuiRoutes.envelope(false, wrong, null));
        }
        loginFailures.clear();
        Session session = new Session(csrfSession == null ? "" : csrfSession.csrf);
        session.signedIn = true;
        String value = "s" + UUID.randomUUID();
        sessions.put(value, session);
        String message = release.oldMessages() ? "Login Successfully"
                : release.clientRoutes() ? "You have successfully logged into your account."
                : " You have successfully logged into your account.";
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Set-Cookie", "3x-ui=" + value + "; Path=/; Max-Age=21600; HttpOnly")
                .withBody(FakeXuiRoutes.envelope(true, message, null)).build();
    }

    /** gin ShouldBind: JSON by Content-Type, else a form. */
    private static JsonNode form(Request request) {
        String type = request.getHeader("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            try {
                return JSON.readTree(request.getBodyAsString());
            } catch (RuntimeException e) {
                return JSON.createObjectNode();
            }
        }
        ObjectNode form = JSON.createObjectNode();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private String signInPage() {
        String marker = switch (release.pageVersion()) {
            case "css" -> "<link rel=\"stylesheet\" href=\"" + ROOT + "/assets/css/custom.min.css?" + release.version() + "\">";
            case "login-js" -> "<script>window.__X_UI_CUR_VER__=\"" + release.version() + "\";</script>";
            default -> "";
        };
        return "<!DOCTYPE html><html><head><title>Sign in</title>" + marker + "</head><body><div id=\"app\"></div></body></html>";
    }

    private String panelPage() {
        return release.generation3()
                ? "<html><head><script>window.X_UI_CUR_VER=\"" + release.version() + "\";</script></head></html>"
                : "<html><body><span>v" + release.version() + "</span></body></html>";
    }

    private static String cookie(Request request) {
        String header = request.getHeader("Cookie");
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("3x-ui=")) {
                return p.substring("3x-ui=".length());
            }
        }
        return null;
    }

    static ResponseDefinition empty(int status) {
        return new ResponseDefinitionBuilder().withStatus(status).build();
    }

    private static ResponseDefinition html(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(body).build();
    }

    /** The client with this email as the panel stores it, if any inbound has it. */
    public Optional<JsonNode> client(String email) {
        synchronized (this) {
            return routes.client(email);
        }
    }
}
