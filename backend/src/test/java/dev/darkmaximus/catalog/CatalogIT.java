package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import static dev.darkmaximus.testsupport.CatalogRequests.host;
import static dev.darkmaximus.testsupport.CatalogRequests.plan;
import dev.darkmaximus.testsupport.IntegrationTest;

class CatalogIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HostService hostService;

    Api api;
    String admin;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        admin = api.adminToken();
    }

    private long createHost(String name) {
        return api.post("/api/v1/admin/hosts", host(name), admin).expect(201).json().get("id").asLong();
    }

    @Test
    void hostPasswordIsStoredEncryptedAndNeverReturned() {
        String name = "Amsterdam " + System.nanoTime();
        JsonNode created = api.post("/api/v1/admin/hosts", host(name), admin).expect(201).json();
        long id = created.get("id").asLong();

        assertThat(created.has("password")).isFalse();
        assertThat(created.get("passwordSet").asBoolean()).isTrue();
        assertThat(created.get("baseUrl").asString()).isEqualTo("https://panel.example.net:2053");
        String stored = jdbc.sql("SELECT password_enc FROM hosts WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("panel-pass");
        assertThat(hostService.panelConnection(id).password()).isEqualTo("panel-pass-" + name);
        String audit = jdbc.sql("SELECT after_state::text FROM audit_log WHERE action = 'host.create' AND object_id = :id")
                .param("id", Long.toString(id)).query(String.class).single();
        assertThat(audit).contains(name).doesNotContain("panel-pass");
    }

    @Test
    void updatingWithoutAPasswordKeepsTheStoredOne() {
        long id = createHost("Keep " + System.nanoTime());
        Map<String, Object> change = host("Renamed " + System.nanoTime());
        change.put("password", "");

        JsonNode updated = api.put("/api/v1/admin/hosts/" + id, change, admin).expect(200).json();

        assertThat(updated.get("name").asString()).startsWith("Renamed");
        assertThat(hostService.panelConnection(id).password()).startsWith("panel-pass-Keep");
    }

    @Test
    void aStoredPasswordIsNeverSentToANewAddressNobodyTypedItFor() {
        long id = createHost("Moved " + System.nanoTime());
        Map<String, Object> moved = host("Moved again " + System.nanoTime());
        moved.put("password", "");
        moved.put("baseUrl", "https://collector.example.org:2053");

        assertThat(api.put("/api/v1/admin/hosts/" + id, moved, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("password");
        moved.put("baseUrl", "https://panel.example.net:2053/"); // the same address, written differently
        api.put("/api/v1/admin/hosts/" + id, moved, admin).expect(200);
        Map<String, Object> spaced = host("Spaced " + System.nanoTime());
        for (String unusable : List.of("https://panel.example.net/a b", "https://panel.example.net:99999",
                "https://panel.example.net?x=1", "https://user@panel.example.net")) {
            spaced.put("baseUrl", unusable);
            assertThat(api.post("/api/v1/admin/hosts", spaced, admin).problem(400, "validation_failed")
                    .get("errors").get(0).get("field").asString()).as(unusable).isEqualTo("baseUrl");
        }
    }

    @Test
    void invalidHostsAreRefusedFieldByField() {
        Map<String, Object> bad = host("");
        bad.put("baseUrl", "ftp://nope");
        bad.put("countryCode", "Netherlands");
        bad.put("tlsVerify", null);

        JsonNode problem = api.post("/api/v1/admin/hosts", bad, admin).problem(400, "validation_failed");

        assertThat(problem.get("errors").findValuesAsString("field"))
                .contains("name", "baseUrl", "countryCode", "tlsVerify");
        Map<String, Object> noInbounds = host("No inbounds " + System.nanoTime());
        noInbounds.put("inboundIds", List.of());
        assertThat(api.post("/api/v1/admin/hosts", noInbounds, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("inboundIds");
        Map<String, Object> noPassword = host("No password " + System.nanoTime());
        noPassword.remove("password");
        assertThat(api.post("/api/v1/admin/hosts", noPassword, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("password");
        Map<String, Object> wrongEnum = host("Enum " + System.nanoTime());
        wrongEnum.put("panelType", "wireguard");
        assertThat(api.post("/api/v1/admin/hosts", wrongEnum, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("field").asString()).isEqualTo("panelType");
        api.postRaw("/api/v1/admin/hosts", "{not json", admin).problem(400, "malformed_request");
    }

    @Test
    void duplicateNamesAndUnknownIdsAreClearErrors() {
        String name = "Twin " + System.nanoTime();
        createHost(name);

        JsonNode duplicate = api.post("/api/v1/admin/hosts", host(name.toUpperCase()), admin).problem(409, "host_name_taken");
        assertThat(duplicate.get("errors").get(0).get("field").asString()).isEqualTo("name");
        api.get("/api/v1/admin/hosts/987654321", admin).problem(404, "not_found");
        api.put("/api/v1/admin/hosts/987654321", host("x" + System.nanoTime()), admin).problem(404, "not_found");
        api.get("/api/v1/admin/hosts/abc", admin).problem(400, "validation_failed");
        api.get("/api/v1/admin/plans/987654321", admin).problem(404, "not_found");
    }

    @Test
    void plansAreCreatedValidatedAndShownInTheStorefront() {
        long hostId = createHost("Storefront " + System.nanoTime());
        String visibleName = "Visible " + System.nanoTime();
        JsonNode plan = api.post("/api/v1/admin/plans", plan(hostId, visibleName, "visible"), admin).expect(201).json();
        api.post("/api/v1/admin/plans", plan(hostId, "Hidden", "hidden"), admin).expect(201);

        assertThat(plan.get("prices").findValuesAsString("currency")).containsExactly("RUB", "XTR");
        JsonNode storefront = new Api(port).get("/api/v1/catalog/hosts", null).expect(200).json();
        JsonNode ourHost = null;
        for (JsonNode h : storefront) {
            if (h.get("id").asLong() == hostId) {
                ourHost = h;
            }
        }
        assertThat(ourHost).isNotNull();
        assertThat(ourHost.get("plans").findValuesAsString("nameEn")).containsExactly(visibleName);
        assertThat(new Api(port).get("/api/v1/catalog/plans?hostId=" + hostId, null).expect(200).json()
                .get(0).get("prices").get(0).get("amount").asLong()).isEqualTo(19900);
    }

    @Test
    void badPlansNameTheFieldAtFault() {
        long hostId = createHost("Plans " + System.nanoTime());
        Map<String, Object> negative = plan(hostId, "Negative", "visible");
        negative.put("prices", List.of(Map.of("amount", -1, "currency", "RUB")));
        negative.put("nameRu", " ");

        JsonNode problem = api.post("/api/v1/admin/plans", negative, admin).problem(400, "validation_failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("prices[0].amount", "nameRu");

        Map<String, Object> twice = plan(hostId, "Twice", "visible");
        twice.put("prices", List.of(Map.of("amount", 1, "currency", "RUB"), Map.of("amount", 2, "currency", "RUB")));
        assertThat(api.post("/api/v1/admin/plans", twice, admin).problem(400, "validation_failed")
                .get("errors").get(0).get("code").asString()).isEqualTo("duplicate_currency");

        assertThat(api.post("/api/v1/admin/plans", plan(987654321L, "Orphan", "visible"), admin)
                .problem(400, "validation_failed").get("errors").get(0).get("field").asString()).isEqualTo("hostId");
    }

    @Test
    void aHostWithPlansCannotBeDeletedButAnEmptyOneCan() {
        long used = createHost("Used " + System.nanoTime());
        api.post("/api/v1/admin/plans", plan(used, "P", "visible"), admin).expect(201);
        long empty = createHost("Empty " + System.nanoTime());

        api.delete("/api/v1/admin/hosts/" + used, admin).problem(409, "host_in_use");
        api.delete("/api/v1/admin/hosts/" + empty, admin).expect(204);
        api.get("/api/v1/admin/hosts/" + empty, admin).problem(404, "not_found");
    }
}
