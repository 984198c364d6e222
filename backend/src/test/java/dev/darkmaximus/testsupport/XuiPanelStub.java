package dev.darkmaximus.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/**
 * The 3x-ui panel the application tests run against: a {@link FakeXuiPanel} answering as v2.9.4 (the last v2, what
 * most shops run) under the web base path {@code /secret}, whose inbound 1 (VLESS + Reality on 443) starts with the
 * operator's own client (3x-ui won't delete an inbound's last one). A
 * test's own stub for a route wins over the fake, which is how tests make one call fail.
 */
public final class XuiPanelStub {

    public static final String ROOT = FakeXuiPanel.ROOT;
    public static final String OK_NULL = "{\"success\":true,\"msg\":\"\",\"obj\":null}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeXuiPanel fake;

    public XuiPanelStub() {
        this(XuiRelease.V2_9_4);
    }

    public XuiPanelStub(XuiRelease release) {
        this.fake = new FakeXuiPanel(release, true);
    }

    public XuiPanelStub start() {
        fake.start();
        return this;
    }

    public void stop() {
        fake.stop();
    }

    public WireMockServer server() {
        return fake.server();
    }

    public FakeXuiPanel fake() {
        return fake;
    }

    public String baseUrl() {
        return fake.baseUrl();
    }

    /** The panel has this client on inbound 1, with these counters. */
    public void hasClient(String email, String uuid, String subId, long expiryMillis, boolean enabled, long totalBytes,
                          long usedBytes) {
        ObjectNode client = JSON.createObjectNode();
        client.put("id", uuid);
        client.put("flow", "xtls-rprx-vision");
        client.put("email", email);
        client.put("limitIp", 0);
        client.put("totalGB", totalBytes);
        client.put("expiryTime", expiryMillis);
        client.put("enable", enabled);
        client.put("tgId", 0);
        client.put("subId", subId);
        client.put("comment", "");
        client.put("reset", 0);
        fake.state().putClient(1, client);
        fake.state().usage(email, usedBytes / 2, usedBytes - usedBytes / 2, 1_764_000_000_000L);
    }

    /** Kept for readability at call sites: the fake accepts any new client the shop adds. */
    public void acceptsNewClient(String email) {
        // nothing to arrange: the panel's state starts without the client and keeps what addClient sends
    }

    public int addClientCalls(String email) {
        return server().findAll(WireMock.postRequestedFor(urlEqualTo(ROOT + "/panel/api/inbounds/addClient"))
                .withRequestBody(WireMock.containing(email))).size();
    }

    /** Inbound 1 holds exactly these clients (maps with email, id, expiryTime, enable, totalGB, subId). */
    public void listsClients(List<Map<String, Object>> clients) {
        List<JsonNode> nodes = clients.stream().map(c -> (JsonNode) JSON.valueToTree(c)).toList();
        fake.state().replaceClients(1, nodes);
        clients.forEach(c -> fake.state().usage((String) c.get("email"), 100, 400, 1_764_000_000_000L));
    }

    /** The panel stops answering (connections reset). */
    public void down() {
        fake.down(true);
    }

    /** The panel answers again, with its state as before the outage. */
    public void recover() {
        fake.down(false);
    }

    /** The client as the panel stores it. */
    public Optional<JsonNode> client(String email) {
        return fake.client(email);
    }
}
