package dev.darkmaximus.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.support.Api;
import dev.darkmaximus.support.CatalogRequests;
import dev.darkmaximus.support.IntegrationTest;

/** "Test connection" against a 3x-ui v2 panel stubbed with WireMock: the outcome becomes the host's health. */
class HostConnectionIT extends IntegrationTest {

    private static final WireMockServer PANEL = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startPanel() {
        PANEL.start();
    }

    @AfterAll
    static void stopPanel() {
        PANEL.stop();
    }

    private long createHost(Api api, String admin, Map<String, Object> overrides) {
        Map<String, Object> host = CatalogRequests.host("Panel " + System.nanoTime());
        host.put("baseUrl", "http://127.0.0.1:" + PANEL.port());
        host.put("webBasePath", "/secret");
        host.putAll(overrides);
        return api.post("/api/v1/admin/hosts", host, admin).expect(201).json().get("id").asLong();
    }

    @Test
    void aReachablePanelIsRecordedHealthyAndARefusedLoginIsRecordedWithItsReason() {
        Api api = new Api(port);
        String admin = api.adminToken();
        long id = createHost(api, admin, Map.of());
        PANEL.stubFor(post(urlEqualTo("/secret/login")).willReturn(okJson("{\"success\":true,\"msg\":\"ok\",\"obj\":null}")
                .withHeader("Set-Cookie", "3x-ui=abc; Path=/")));
        PANEL.stubFor(get(urlEqualTo("/secret/panel/api/inbounds/list")).willReturn(okJson(
                "{\"success\":true,\"msg\":\"\",\"obj\":[]}")));

        JsonNode healthy = api.post("/api/v1/admin/hosts/" + id + "/check", Map.of(), admin).expect(200).json();
        assertThat(healthy.get("ok").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/admin/hosts/" + id, admin).json().get("healthLastOkAt").isNull()).isFalse();

        long refused = createHost(api, admin, Map.of("username", "wrong-user"));
        PANEL.resetAll();
        PANEL.stubFor(post(urlEqualTo("/secret/login")).willReturn(okJson(
                "{\"success\":false,\"msg\":\"Invalid username or password\",\"obj\":null}")));

        JsonNode failed = api.post("/api/v1/admin/hosts/" + refused + "/check", Map.of(), admin).expect(200).json();
        assertThat(failed.get("ok").asBoolean()).isFalse();
        assertThat(failed.get("error").asString()).contains("Invalid username or password");
        assertThat(api.get("/api/v1/admin/hosts/" + refused, admin).json().get("healthLastError").asString())
                .contains("Invalid username or password");
        api.post("/api/v1/admin/hosts/987654321/check", Map.of(), admin).problem(404, "not_found");
    }

    @Test
    void anApiTokenIsWriteOnlyAndStoredEncrypted() {
        Api api = new Api(port);
        String admin = api.adminToken();
        long id = createHost(api, admin, Map.of("panelType", "xui_v3", "apiToken", "v3-token-secret"));

        JsonNode host = api.get("/api/v1/admin/hosts/" + id, admin).expect(200).json();
        assertThat(host.get("apiTokenSet").asBoolean()).isTrue();
        assertThat(host.has("apiToken")).isFalse();
        assertThat(jdbc.sql("SELECT api_token_enc FROM hosts WHERE id = :id").param("id", id).query(String.class)
                .single()).startsWith("v1:").doesNotContain("v3-token-secret");
    }
}
