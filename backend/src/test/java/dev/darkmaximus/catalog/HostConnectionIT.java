package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/**
 * "Test connection" and saving a host against 3x-ui panels that answer as their versions do: the outcome becomes the
 * host's health and version, and an inbound the shop can't sell on is refused when the host is saved.
 */
class HostConnectionIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private FakeXuiPanel fake;

    @AfterEach
    void stopPanel() {
        if (fake != null) {
            fake.stop();
        }
    }

    private Map<String, Object> host(Map<String, Object> overrides) {
        Map<String, Object> host = CatalogRequests.host("Panel " + System.nanoTime());
        host.put("baseUrl", fake.baseUrl());
        host.put("webBasePath", FakeXuiPanel.ROOT);
        host.put("password", FakeXuiPanel.PASSWORD);
        host.putAll(overrides);
        return host;
    }

    @Test
    void aReachablePanelIsRecordedHealthyWithItsVersionAndARefusedLoginWithItsReason() {
        fake = new FakeXuiPanel(XuiRelease.V2_8_1).start();
        Api api = new Api(port);
        String admin = api.adminToken();
        long id = api.post("/api/v1/admin/hosts", host(Map.of()), admin).expect(201).json().get("id").asLong();

        JsonNode healthy = api.post("/api/v1/admin/hosts/" + id + "/check", Map.of(), admin).expect(200).json();
        assertThat(healthy.get("ok").asBoolean()).isTrue();
        assertThat(healthy.get("panelVersion").asString()).isEqualTo("2.8.1");
        JsonNode stored = api.get("/api/v1/admin/hosts/" + id, admin).json();
        assertThat(stored.get("healthLastOkAt").isNull()).isFalse();
        assertThat(stored.get("panelVersion").asString()).isEqualTo("2.8.1");
        assertThat(stored.get("panelApi").asString()).contains("inbound API");

        long refused = api.post("/api/v1/admin/hosts", host(Map.of("username", "wrong-user")), admin).expect(201)
                .json().get("id").asLong();
        JsonNode failed = api.post("/api/v1/admin/hosts/" + refused + "/check", Map.of(), admin).expect(200).json();
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error").asString()).contains("Invalid username or password or two-factor code.");
        assertThat(api.get("/api/v1/admin/hosts/" + refused, admin).json().get("healthLastError").asString())
                .contains("Invalid username or password");
        api.post("/api/v1/admin/hosts/987654321/check", Map.of(), admin).problem(404, "not_found");
    }

    @Test
    void anInboundTheShopCantSellOnIsRefusedWhenTheHostIsSaved() {
        fake = new FakeXuiPanel(XuiRelease.V3_6_0).start();
        fake.state().addInbound(2, "wireguard", 51820, "{\"peers\":[]}", "{}");
        Api api = new Api(port);
        String admin = api.adminToken();

        JsonNode problem = api.post("/api/v1/admin/hosts", host(Map.of("panelType", "xui_v3", "inboundIds",
                List.of(1, 2, 7))), admin).problem(400, "validation_failed");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("inboundIds");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .contains("inbound 2 is wireguard").contains("inbound 7 doesn't exist on the panel");
        long id = api.post("/api/v1/admin/hosts", host(Map.of("panelType", "xui_v3")), admin).expect(201).json()
                .get("id").asLong();
        assertThat(api.get("/api/v1/admin/hosts/" + id, admin).json().get("panelVersion").asString())
                .isEqualTo("3.6.0");
        api.put("/api/v1/admin/hosts/" + id, host(Map.of("panelType", "xui_v3", "inboundIds", List.of(2))), admin)
                .problem(400, "validation_failed");
    }

    @Test
    void anApiTokenIsWriteOnlyStoredEncryptedAndUsedForTheCheck() {
        fake = new FakeXuiPanel(XuiRelease.V3_6_0).start();
        fake.apiToken("v3-token-secret");
        Api api = new Api(port);
        String admin = api.adminToken();
        long id = api.post("/api/v1/admin/hosts", host(Map.of("panelType", "xui_v3", "apiToken", "v3-token-secret",
                "password", "not-the-panel-password")), admin).expect(201).json().get("id").asLong();

        JsonNode host = api.get("/api/v1/admin/hosts/" + id, admin).expect(200).json();
        assertThat(host.get("apiTokenSet").asBoolean()).isTrue();
        assertThat(host.has("apiToken")).isFalse();
        assertThat(jdbc.sql("SELECT api_token_enc FROM hosts WHERE id = :id").param("id", id).query(String.class)
                .single()).startsWith("v1:").doesNotContain("v3-token-secret");
        assertThat(api.post("/api/v1/admin/hosts/" + id + "/check", Map.of(), admin).expect(200).json().get("ok")
                .asBoolean()).isTrue();
        assertThat(fake.requests("POST", "/login")).isZero();
    }
}
