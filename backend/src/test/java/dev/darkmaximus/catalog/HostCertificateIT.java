package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;
import dev.darkmaximus.testsupport.xui.XuiRelease;

/**
 * A panel behind a certificate no public CA signed: the host's own CA certificate makes it trusted, with host names
 * still checked, and the Hosts screen is told how each connection is protected. The panels serve the keystores in
 * {@code src/test/resources/tls}.
 */
class HostCertificateIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private FakeXuiPanel fake;

    @AfterEach
    void stopPanel() {
        if (fake != null) {
            fake.stop();
        }
    }

    @Test
    void aPanelWithAPrivateCertificateIsTrustedOnlyThroughItsOwnCa() {
        fake = new FakeXuiPanel(XuiRelease.V2_9_4, true, "panel.p12").start();
        Api api = new Api(port);
        String admin = api.adminToken();
        String https = "https://localhost:" + fake.server().httpsPort();

        long id = api.post("/api/v1/admin/hosts", host(https, Map.of()), admin).expect(201).json().get("id").asLong();
        JsonNode untrusted = check(api, admin, id);
        assertThat(untrusted.get("ok").asBoolean()).isFalse();
        assertThat(untrusted.get("error").asString()).contains("TLS certificate is not trusted");

        JsonNode saved = api.put("/api/v1/admin/hosts/" + id, host(https, Map.of("caCertificate", pem("panel.pem"))),
                admin).expect(200).json();
        assertThat(saved.get("connectionSecurity").asString()).isEqualTo("CUSTOM_CA");
        assertThat(saved.get("caCertificate").asString()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(saved.get("panelVersion").asString()).isEqualTo("2.9.4");
        assertThat(check(api, admin, id).get("ok").asBoolean()).isTrue();

        // Another CA than the one that signed the panel's certificate is not enough.
        api.put("/api/v1/admin/hosts/" + id, host(https, Map.of("caCertificate", pem("other-name.pem"))), admin)
                .expect(200);
        JsonNode wrongCa = check(api, admin, id);
        assertThat(wrongCa.get("ok").asBoolean()).isFalse();
        assertThat(wrongCa.get("error").asString()).contains("TLS certificate is not trusted");

        // Clearing it goes back to the public CAs.
        JsonNode cleared = api.put("/api/v1/admin/hosts/" + id, host(https, Map.of("caCertificate", "")), admin)
                .expect(200).json();
        assertThat(cleared.get("caCertificate").isNull()).isTrue();
        assertThat(cleared.get("connectionSecurity").asString()).isEqualTo("VERIFIED");
    }

    @Test
    void aTrustedCaStillChecksTheHostName() {
        fake = new FakeXuiPanel(XuiRelease.V2_9_4, true, "other-name.p12").start();
        Api api = new Api(port);
        String admin = api.adminToken();
        long id = api.post("/api/v1/admin/hosts", host("https://localhost:" + fake.server().httpsPort(),
                Map.of("caCertificate", pem("other-name.pem"))), admin).expect(201).json().get("id").asLong();

        JsonNode check = check(api, admin, id);

        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("error").asString()).contains("TLS certificate is not trusted");
    }

    @Test
    void theHostsSayHowTheirPanelConnectionIsProtected() {
        fake = new FakeXuiPanel(XuiRelease.V2_9_4, true, "panel.p12").start();
        Api api = new Api(port);
        String admin = api.adminToken();
        String https = "https://localhost:" + fake.server().httpsPort();

        JsonNode plain = api.post("/api/v1/admin/hosts", host(fake.baseUrl(), Map.of()), admin).expect(201).json();
        JsonNode unverified = api.post("/api/v1/admin/hosts", host(https, Map.of("tlsVerify", false)), admin)
                .expect(201).json();

        assertThat(plain.get("connectionSecurity").asString()).isEqualTo("PLAIN_HTTP");
        assertThat(unverified.get("connectionSecurity").asString()).isEqualTo("UNVERIFIED");
        assertThat(unverified.get("panelVersion").asString()).isEqualTo("2.9.4");
    }

    @Test
    void aCertificateThatCantBeUsedIsAFieldError() {
        fake = new FakeXuiPanel(XuiRelease.V2_9_4, true, "panel.p12").start();
        Api api = new Api(port);
        String admin = api.adminToken();
        String https = "https://localhost:" + fake.server().httpsPort();

        assertThat(fieldError(api.post("/api/v1/admin/hosts", host(https, Map.of("caCertificate",
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----")), admin)
                .problem(400, "validation_failed"))).isEqualTo("caCertificate: is not a readable X.509 certificate");
        assertThat(fieldError(api.post("/api/v1/admin/hosts", host(https, Map.of("caCertificate", "hello")), admin)
                .problem(400, "validation_failed"))).startsWith("caCertificate: must hold only PEM certificates");
        assertThat(fieldError(api.post("/api/v1/admin/hosts", host(https, Map.of("caCertificate", pem("panel.pem"),
                "tlsVerify", false)), admin).problem(400, "validation_failed")))
                .startsWith("caCertificate: is used only when tlsVerify is on");
        assertThat(fieldError(api.post("/api/v1/admin/hosts", host(fake.baseUrl(), Map.of("caCertificate",
                pem("panel.pem"))), admin).problem(400, "validation_failed")))
                .isEqualTo("caCertificate: is used only with an https baseUrl");
    }

    private static String fieldError(JsonNode problem) {
        JsonNode error = problem.get("errors").get(0);
        return error.get("field").asString() + ": " + error.get("message").asString();
    }

    private static JsonNode check(Api api, String admin, long id) {
        return api.post("/api/v1/admin/hosts/" + id + "/check", Map.of(), admin).expect(200).json();
    }

    private Map<String, Object> host(String baseUrl, Map<String, Object> overrides) {
        Map<String, Object> host = new HashMap<>(CatalogRequests.host("TLS " + System.nanoTime()));
        host.put("baseUrl", baseUrl);
        host.put("webBasePath", FakeXuiPanel.ROOT);
        host.put("password", FakeXuiPanel.PASSWORD);
        host.putAll(overrides);
        return host;
    }

    private static String pem(String name) {
        try (InputStream in = HostCertificateIT.class.getResourceAsStream("/tls/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
