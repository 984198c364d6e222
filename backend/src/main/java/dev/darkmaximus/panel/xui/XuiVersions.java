package dev.darkmaximus.panel.xui;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelInfo;

/**
 * Which 3x-ui version a host runs, and its inbounds. The version is read, in order, from (read from each tag's source):
 * <ol>
 * <li>The public sign-in page: every v2 links {@code custom.min.css?<version>} ({@code web/html/common/page.html});
 * v3.0.0 sets {@code window.__X_UI_CUR_VER__} ({@code web/controller/dist.go}).</li>
 * <li>{@code GET /panel/api/server/status} {@code obj.panelVersion}: v3.1.0+ ({@code web/service/server.go}).</li>
 * <li>The panel page behind the sign-in: v3.0.1/v3.0.2 set {@code window.X_UI_CUR_VER} only there.</li>
 * </ol>
 * A panel that says nothing is spoken to with the routes every v2 and v3.0 panel has; signed in with an API token,
 * v3.0.1/v3.0.2 can only be told as "3.0". The freshest reading wins over
 * the one stored with the host, so an upgraded panel is followed at the next connection check.
 */
@Component
class XuiVersions {

    private static final Pattern PAGE_VERSION = Pattern.compile(
            "custom\\.min\\.css\\?v?([0-9][0-9A-Za-z.+-]*)|X_UI_CUR_VER(?:__)?\\s*=\\s*[\"']v?([^\"']+)[\"']");

    private final XuiCalls calls;
    private final Map<Long, XuiProfile> probed = new ConcurrentHashMap<>();

    XuiVersions(XuiCalls calls) {
        this.calls = calls;
    }

    XuiProfile profile(PanelConnection panel) {
        XuiProfile known = probed.get(panel.hostId());
        if (known != null) {
            return known;
        }
        if (panel.panelVersion() != null) {
            return XuiProfile.of(panel.panelVersion());
        }
        XuiProfile profile = probe(panel);
        if (profile.version() != null || profile.clientRoutes()) {
            probed.put(panel.hostId(), profile); // a guess is not kept: the next call asks again
        }
        return profile;
    }

    void forget(long hostId) {
        probed.remove(hostId);
    }

    /** Signs in, reads the version afresh and checks that every configured inbound exists and can be sold on. */
    PanelInfo describe(PanelConnection panel) {
        XuiHttp.Envelope list = calls.get(panel, "listInbounds", "/panel/api/inbounds/list");
        if (!list.success() || !list.obj().isArray()) {
            throw new PanelException("listInbounds refused by the panel: " + list.message(), false);
        }
        XuiProfile profile = probe(panel);
        probed.put(panel.hostId(), profile); // signed in just now (the list above): the reading is the panel's own
        List<String> problems = new ArrayList<>();
        for (int id : panel.inboundIds()) {
            XuiInbound inbound = null;
            for (JsonNode node : list.obj()) {
                if (node.path("id").asInt() == id) {
                    inbound = XuiInbound.from(calls.http().json(), node);
                }
            }
            if (inbound == null) {
                problems.add("inbound " + id + " doesn't exist on the panel");
            } else {
                inbound.unsupportedReason().ifPresent(problems::add);
            }
        }
        if (panel.inboundIds().isEmpty()) {
            problems.add("no inbound is configured for the host");
        }
        return new PanelInfo(profile.version(), profile.api(), problems);
    }

    /** Every inbound on the panel with its clients and their counters ({@code inbounds/list}). */
    List<XuiInbound> inbounds(PanelConnection panel) {
        XuiHttp.Envelope list = calls.get(panel, "listInbounds", "/panel/api/inbounds/list");
        if (!list.success() || !list.obj().isArray()) {
            throw new PanelException("listInbounds refused by the panel: " + list.message(), false);
        }
        List<XuiInbound> inbounds = new ArrayList<>();
        list.obj().forEach(node -> inbounds.add(XuiInbound.from(calls.http().json(), node)));
        return inbounds;
    }

    /** One inbound with its clients; an inbound the panel doesn't have is an error, not an empty list. */
    XuiInbound inbound(PanelConnection panel, int id) {
        XuiHttp.Envelope answer = calls.get(panel, "getInbound", "/panel/api/inbounds/get/" + id);
        if (!answer.success()) {
            throw new PanelException("inbound " + id + " can't be read: " + answer.message(), false);
        }
        if (!answer.obj().isObject()) {
            throw new PanelException("inbound " + id + ": the panel answered without the inbound", false);
        }
        return XuiInbound.from(calls.http().json(), answer.obj());
    }

    /**
     * The public sign-in page first (every v2 and v3.0.0 name their version there, no sign-in needed), then the v3.1+
     * status, then the panel page (v3.0.1/v3.0.2). Only a panel that says nothing costs a probe of a route it may
     * not have.
     */
    private XuiProfile probe(PanelConnection panel) {
        String version = signInPageVersion(panel);
        if (version == null) {
            version = statusVersion(panel);
        }
        if (version == null && !hasToken(panel)) {
            version = panelPageVersion(panel);
        }
        if (version == null) {
            if (clientsRouteAnswers(panel)) {
                return new XuiProfile(null, true, true);
            }
            // API tokens exist from v3.0; v3.0.1/v3.0.2 show their version only on pages a token can't open
            return XuiProfile.of(hasToken(panel) ? "3.0" : null);
        }
        return XuiProfile.of(version);
    }

    private String statusVersion(PanelConnection panel) {
        try {
            XuiHttp.Envelope status = calls.get(panel, "server.status", "/panel/api/server/status");
            String version = status.success() ? status.obj().path("panelVersion").asString("") : "";
            return version.isBlank() ? null : version;
        } catch (PanelException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return null; // v2.4 has no /panel/api/server routes
        }
    }

    private String signInPageVersion(PanelConnection panel) {
        HttpResponse<String> signIn = calls.http().send(panel, "page",
                calls.http().request(panel, "/").header("Accept", "text/html").GET().build());
        return signIn.statusCode() == 200 ? versionIn(signIn.body()) : null;
    }

    private String panelPageVersion(PanelConnection panel) {
        try {
            HttpResponse<String> page = calls.auth().send(panel, "page", false,
                    () -> calls.http().request(panel, "/panel/").header("Accept", "text/html").GET());
            return page.statusCode() == 200 ? versionIn(page.body()) : null;
        } catch (PanelException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return null;
        }
    }

    /** A panel that hides its version but has the v3.1+ clients API is treated as the newest generation. */
    private boolean clientsRouteAnswers(PanelConnection panel) {
        try {
            return calls.get(panel, "clients.list", "/panel/api/clients/list").success();
        } catch (PanelException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return false;
        }
    }

    private static boolean hasToken(PanelConnection panel) {
        return panel.apiToken() != null && !panel.apiToken().isBlank();
    }

    private static String versionIn(String html) {
        if (html == null) {
            return null;
        }
        Matcher m = PAGE_VERSION.matcher(html);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
