package dev.darkmaximus.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 3x-ui v2 panel in WireMock, answering with the shapes in reference/3x-ui.md (envelope, cookie "3x-ui", settings
 * and streamSettings as JSON strings). Under the web base path {@code /secret}; inbound 1 is VLESS + Reality on 443.
 * A later stub for the same request wins, which is how tests take the panel down and bring it back.
 */
public final class XuiPanelStub {

    public static final String ROOT = "/secret";
    public static final String OK_NULL = "{\"success\":true,\"msg\":\"\",\"obj\":null}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private com.github.tomakehurst.wiremock.stubbing.StubMapping outage;

    public XuiPanelStub start() {
        server.start();
        server.stubFor(post(urlEqualTo(ROOT + "/login")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Login Successfully\",\"obj\":null}")
                .withHeader("Set-Cookie", "3x-ui=it-session; Path=/; HttpOnly")));
        server.stubFor(get(urlEqualTo(ROOT + "/panel/api/inbounds/get/1")).willReturn(okJson(envelope(inbound(List.of())))));
        server.stubFor(get(urlPathMatching(ROOT + "/panel/api/inbounds/getClientTraffics/.*")).willReturn(okJson(OK_NULL)));
        server.stubFor(post(urlEqualTo(ROOT + "/panel/api/inbounds/addClient")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Client(s) added\",\"obj\":null}")));
        server.stubFor(post(urlPathMatching(ROOT + "/panel/api/inbounds/updateClient/.*")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Client updated\",\"obj\":null}")));
        server.stubFor(post(urlPathMatching(ROOT + "/panel/api/inbounds/1/delClientByEmail/.*")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"Client deleted\",\"obj\":null}")));
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

    /** The panel has this client (getClientTraffics answers with it). */
    public void hasClient(String email, String uuid, String subId, long expiryMillis, boolean enabled, long totalBytes,
                          long usedBytes) {
        server.stubFor(get(urlEqualTo(ROOT + "/panel/api/inbounds/getClientTraffics/" + email)).willReturn(okJson(
                envelope(Map.ofEntries(Map.entry("id", 11), Map.entry("inboundId", 1), Map.entry("enable", enabled),
                        Map.entry("email", email), Map.entry("uuid", uuid), Map.entry("subId", subId),
                        Map.entry("up", usedBytes / 2), Map.entry("down", usedBytes - usedBytes / 2),
                        Map.entry("allTime", usedBytes), Map.entry("expiryTime", expiryMillis),
                        Map.entry("total", totalBytes), Map.entry("reset", 0),
                        Map.entry("lastOnline", 1_764_000_000_000L))))));
    }

    /**
     * The client isn't on the panel until the shop adds it: getClientTraffics answers null, then, after an addClient
     * naming this email, answers with the client.
     */
    public void acceptsNewClient(String email) {
        String scenario = "client-" + email;
        server.stubFor(get(urlEqualTo(ROOT + "/panel/api/inbounds/getClientTraffics/" + email)).inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(okJson(OK_NULL)));
        server.stubFor(post(urlEqualTo(ROOT + "/panel/api/inbounds/addClient")).inScenario(scenario)
                .withRequestBody(WireMock.containing(email))
                .willReturn(okJson("{\"success\":true,\"msg\":\"Client(s) added\",\"obj\":null}"))
                .willSetStateTo("added"));
        server.stubFor(get(urlEqualTo(ROOT + "/panel/api/inbounds/getClientTraffics/" + email)).inScenario(scenario)
                .whenScenarioStateIs("added")
                .willReturn(okJson(envelope(Map.of("id", 12, "inboundId", 1, "enable", true, "email", email,
                        "up", 0, "down", 0, "expiryTime", 0, "total", 0, "reset", 0, "lastOnline", 0)))));
    }

    public int addClientCalls(String email) {
        return server.findAll(WireMock.postRequestedFor(urlEqualTo(ROOT + "/panel/api/inbounds/addClient"))
                .withRequestBody(WireMock.containing(email))).size();
    }

    /** inbounds/list with these clients (maps with email, id, expiryTime, enable, totalGB, subId) and their stats. */
    public void listsClients(List<Map<String, Object>> clients) {
        List<Map<String, Object>> stats = clients.stream().map(c -> Map.<String, Object>of("email", c.get("email"),
                "up", 100, "down", 400, "enable", c.get("enable"), "expiryTime", c.get("expiryTime"),
                "total", c.get("totalGB"), "lastOnline", 1_764_000_000_000L)).toList();
        Map<String, Object> inbound = new java.util.HashMap<>(inbound(clients));
        inbound.put("clientStats", stats);
        server.stubFor(get(urlEqualTo(ROOT + "/panel/api/inbounds/list")).willReturn(okJson(envelope(List.of(inbound)))));
    }

    /** Every panel API call answers 503 (the panel is down); login still works. */
    public void down() {
        outage = server.stubFor(WireMock.any(urlPathMatching(ROOT + "/panel/api/.*"))
                .atPriority(1).willReturn(aResponse().withStatus(503)));
    }

    /** The panel is back: the stubs from before the outage answer again. */
    public void recover() {
        server.removeStub(outage);
    }

    private static Map<String, Object> inbound(List<Map<String, Object>> clients) {
        Map<String, Object> settings = Map.of("clients", clients, "decryption", "none", "fallbacks", List.of());
        Map<String, Object> stream = Map.of("network", "tcp", "security", "reality",
                "realitySettings", Map.of("serverNames", List.of("www.example.com"), "shortIds", List.of("6ba85179e30d4fc2"),
                        "settings", Map.of("publicKey", "Z84J2IelR9ch3k8VtlVhhs5ycBUlXA7wHBWcBrjqnAw",
                                "fingerprint", "chrome", "spiderX", "/")),
                "tcpSettings", Map.of("header", Map.of("type", "none")));
        return Map.of("id", 1, "remark", "reality-443", "enable", true, "port", 443, "protocol", "vless",
                "listen", "", "settings", JSON.writeValueAsString(settings),
                "streamSettings", JSON.writeValueAsString(stream), "tag", "inbound-443", "clientStats", List.of());
    }

    private static String envelope(Object obj) {
        return JSON.writeValueAsString(Map.of("success", true, "msg", "", "obj", obj));
    }
}
