package dev.darkmaximus.auth;

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
import dev.darkmaximus.testsupport.IntegrationTest;

class ApiKeysIT extends IntegrationTest {

    /** dm.ratelimit.api-key-per-minute in the test profile. */
    private static final int KEY_BUDGET = 30;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        admin = api.adminToken();
    }

    private JsonNode create(String name, List<String> scopes) {
        return api.post("/api/v1/admin/api-keys", Map.of("name", name, "scopes", scopes), admin).expect(201).json();
    }

    private static Map<String, String> key(String key) {
        return Map.of("X-Api-Key", key);
    }

    @Test
    void aKeyIsShownOnceWorksUntilRevokedAndNeverLeaksIntoListsOrAudit() {
        String name = "CRM " + System.nanoTime();
        JsonNode created = create(name, List.of("orders:write", "catalog:read", "orders:write"));
        String key = created.get("key").asString();
        long id = created.get("apiKey").get("id").asLong();

        assertThat(key).startsWith("dm_").hasSize(43).matches("dm_[A-Za-z0-9_-]{40}");
        assertThat(created.get("apiKey").get("prefix").asString()).isEqualTo(key.substring(0, 8));
        assertThat(created.get("apiKey").get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("catalog:read", "orders:write");
        JsonNode whoami = api.get("/api/v1/integrations/whoami", null, key(key)).expect(200).json();
        assertThat(whoami.get("keyId").asLong()).isEqualTo(id);
        assertThat(whoami.get("name").asString()).isEqualTo(name);
        assertThat(whoami.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("catalog:read", "orders:write");
        api.get("/api/v1/catalog/hosts", null, key(key)).expect(200);
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_keys WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();

        Api.Response list = api.get("/api/v1/admin/api-keys", admin).expect(200);
        assertThat(list.json().valueStream().map(k -> k.get("id").asLong())).contains(id);
        assertThat(list.body()).doesNotContain(key);

        JsonNode revoked = api.post("/api/v1/admin/api-keys/" + id + "/revoke", Map.of(), admin).expect(200).json();
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        JsonNode again = api.post("/api/v1/admin/api-keys/" + id + "/revoke", Map.of(), admin).expect(200).json();
        assertThat(again.get("revokedAt").asString()).isEqualTo(revoked.get("revokedAt").asString());
        api.get("/api/v1/integrations/whoami", null, key(key)).problem(401, "invalid_api_key");
        api.get("/api/v1/catalog/hosts", null, key(key)).problem(401, "invalid_api_key");

        String hash = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id").param("id", id).query(String.class)
                .single();
        List<String> audited = jdbc.sql("""
                SELECT action || ' ' || coalesce(before_state::text, '') || coalesce(after_state::text, '')
                FROM audit_log WHERE object_type = 'api_key' AND object_id = :id ORDER BY id""")
                .param("id", Long.toString(id)).query(String.class).list();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).startsWith("api_key.create");
        assertThat(audited.get(1)).startsWith("api_key.revoke");
        assertThat(String.join("\n", audited)).doesNotContain(key).doesNotContain(hash);
    }

    @Test
    void integratorEndpointsTakeOnlyKeysAndKeysOpenNothingElse() {
        String key = create("reader " + System.nanoTime(), List.of("catalog:read")).get("key").asString();

        api.get("/api/v1/integrations/whoami", null).problem(401, "unauthorized");
        api.get("/api/v1/integrations/whoami", admin).problem(401, "unauthorized");
        api.get("/api/v1/integrations/whoami", null, key("dm_" + "x".repeat(40))).problem(401, "invalid_api_key");
        api.get("/api/v1/integrations/whoami", null, key("not-a-key")).problem(401, "invalid_api_key");
        api.get("/api/v1/admin/staff", null, key(key)).problem(403, "forbidden");
        api.get("/api/v1/admin/customers", null, key(key)).problem(403, "forbidden");
        api.get("/api/v1/me", null, key(key)).problem(403, "forbidden");
    }

    @Test
    void onlyAdminsManageKeysAndScopesComeFromTheCatalog() {
        JsonNode bad = api.post("/api/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("root")), admin)
                .problem(400, "validation_failed");
        assertThat(bad.get("errors").get(0).get("field").asString()).startsWith("scopes");
        api.post("/api/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of()), admin)
                .problem(400, "validation_failed");
        api.post("/api/v1/admin/api-keys/999999999/revoke", Map.of(), admin).problem(404, "not_found");

        String login = "keys.op." + System.nanoTime();
        api.post("/api/v1/admin/staff", Map.of("username", login, "password", "operator-password-1", "role", "operator"),
                admin).expect(201);
        String operator = new Api(port).post("/api/v1/auth/admin/login",
                Map.of("username", login, "password", "operator-password-1"), null).expect(200).json()
                .get("accessToken").asString();
        api.get("/api/v1/admin/api-keys", operator).problem(403, "forbidden");
        api.post("/api/v1/admin/api-keys", Map.of("name", "x", "scopes", List.of("catalog:read")), operator)
                .problem(403, "forbidden");
    }

    @Test
    void eachKeyHasItsOwnBudgetWhereverItIsCalledFrom() {
        String key = create("busy " + System.nanoTime(), List.of("events:read")).get("key").asString();
        String other = create("calm " + System.nanoTime(), List.of("events:read")).get("key").asString();
        Api first = new Api(port);
        Api second = new Api(port);

        for (int i = 0; i < KEY_BUDGET; i++) {
            (i % 2 == 0 ? first : second).get("/api/v1/integrations/whoami", null, key(key)).expect(200);
        }

        Api.Response refused = new Api(port).get("/api/v1/integrations/whoami", null, key(key));
        refused.problem(429, "rate_limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        new Api(port).get("/api/v1/integrations/whoami", null, key(other)).expect(200);
    }
}
