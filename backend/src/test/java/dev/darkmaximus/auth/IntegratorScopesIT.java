package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;

/**
 * Integrator endpoints each require their scope (SPEC §15): the right scope answers, a key without it gets 403
 * naming the scope it lacks, and a staff or customer bearer token is not an integrator (401).
 */
class IntegratorScopesIT extends PanelBackedTest {

    private String admin;

    @BeforeEach
    void signIn() {
        admin = api.adminToken();
    }

    private String keyName;

    private Map<String, String> keyWith(String... scopes) {
        keyName = "scopes " + System.nanoTime();
        String key = api.post("/api/v1/admin/api-keys", Map.of("name", keyName, "scopes", List.of(scopes)), admin)
                .expect(201).json().get("key").asString();
        return Map.of("X-Api-Key", key);
    }

    @Test
    void theCatalogNeedsCatalogRead() {
        shop.plan(hostId, "visible");
        JsonNode plans = api.get("/api/v1/integrations/catalog/plans?hostId=" + hostId, null, keyWith("catalog:read"))
                .expect(200).json();
        assertThat(plans.size()).isPositive();

        JsonNode refused = api.get("/api/v1/integrations/catalog/plans", null, keyWith("customers:write"))
                .problem(403, "scope_missing");
        assertThat(refused.get("scope").asString()).isEqualTo("catalog:read");
        api.get("/api/v1/integrations/catalog/plans", admin).problem(401, "unauthorized");
    }

    @Test
    void customersAreUpsertedReadAndListedWithCustomersWrite() {
        Map<String, String> key = keyWith("customers:write");
        long telegramId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        String path = "/api/v1/integrations/customers/" + telegramId;

        JsonNode created = api.put(path, Map.of("username", "from_site", "firstName", "Anna", "language", "en"), null,
                key).expect(201).json();
        assertThat(created.get("telegramId").asLong()).isEqualTo(telegramId);
        assertThat(created.get("language").asString()).isEqualTo("en");
        JsonNode refreshed = api.put(path, Map.of("username", "renamed"), null, key).expect(200).json();
        assertThat(refreshed.get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(refreshed.get("username").asString()).isEqualTo("renamed");

        assertThat(api.get(path, null, key).expect(200).json().get("id").asLong())
                .isEqualTo(created.get("id").asLong());
        api.get("/api/v1/integrations/customers/1", null, key).problem(404, "not_found");
        JsonNode page = api.get("/api/v1/integrations/customers?limit=1", null, key).expect(200).json();
        assertThat(page.get("data").size()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT actor_type || ' ' || actor_name FROM audit_log
                        WHERE action = 'customer.create' AND object_id = :id""")
                .param("id", created.get("id").asString()).query(String.class).list())
                .as("audited once, under the key's name").containsExactly("INTEGRATOR " + keyName);

        Map<String, String> catalogOnly = keyWith("catalog:read");
        assertThat(api.put(path, Map.of(), null, catalogOnly).problem(403, "scope_missing").get("scope").asString())
                .isEqualTo("customers:write");
        api.get(path, null, catalogOnly).problem(403, "scope_missing");
        api.get("/api/v1/integrations/customers", null, catalogOnly).problem(403, "scope_missing");
        api.get(path, shop.customer().token()).problem(401, "unauthorized");
    }

    /**
     * Every integrator operation the contract lists names its scope ("Needs `x`"), and refuses a key that has every
     * scope but that one (403 naming it) and a customer's bearer token (401): a new endpoint can't forget either.
     */
    @Test
    void everyIntegratorOperationInTheContractNeedsTheScopeItNames() throws Exception {
        List<String> all = List.of("catalog:read", "customers:write", "orders:write", "keys:write", "events:read");
        Map<String, Map<String, String>> without = new HashMap<>();
        for (String scope : all) {
            without.put(scope, keyWith(all.stream().filter(s -> !s.equals(scope)).toArray(String[]::new)));
        }
        long telegramId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        api.put("/api/v1/integrations/customers/" + telegramId, Map.of(), null, without.get("orders:write"))
                .expect(201);
        String bearer = shop.customer().token();
        JsonNode contract = YAMLMapper.builder().build().readTree(Files.readString(Path.of("..", "openapi",
                "openapi.yaml")));
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/integrations/") || path.getKey().endsWith("/whoami")) {
                continue;
            }
            String concrete = path.getKey().replace("{telegramId}", Long.toString(telegramId))
                    .replaceAll("\\{[^}]+}", "1");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                Matcher needs = Pattern.compile("Needs `([a-z]+:[a-z]+)`")
                        .matcher(operation.getValue().path("description").asString(""));
                assertThat(needs.find()).as(method + " " + path.getKey() + " names its scope").isTrue();
                String scope = needs.group(1);
                JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json")
                        .get("example");
                Map<String, String> headers = new HashMap<>(without.get(scope));
                headers.put("Idempotency-Key", "scopes-" + System.nanoTime());
                assertThat(send(method, concrete, body, null, headers).problem(403, "scope_missing").get("scope")
                        .asString()).as(method + " " + path.getKey()).isEqualTo(scope);
                send(method, concrete, body, bearer, Map.of()).problem(401, "unauthorized");
                checked++;
            }
        }
        assertThat(checked).as("the integrator operations").isGreaterThanOrEqualTo(14);
    }

    private Api.Response send(String method, String path, JsonNode body, String token, Map<String, String> headers) {
        return switch (method) {
            case "GET" -> api.get(path, token, headers);
            case "POST" -> api.post(path, body == null ? Map.of() : body, token, headers);
            case "PUT" -> api.put(path, body == null ? Map.of() : body, token, headers);
            default -> throw new IllegalStateException("no integrator operation uses " + method);
        };
    }

    @Test
    void badInputIsAFieldErrorNotAFiveHundred() {
        Map<String, String> key = keyWith("customers:write");
        api.put("/api/v1/integrations/customers/42", Map.of("language", "de"), null, key).problem(400,
                "validation_failed");
        api.put("/api/v1/integrations/customers/-5", Map.of(), null, key).problem(400, "validation_failed");
    }
}
