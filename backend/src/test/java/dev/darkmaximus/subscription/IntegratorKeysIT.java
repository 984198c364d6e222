package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Racers;
import dev.darkmaximus.testsupport.TestIds;

/**
 * Keys an integrator issues for a customer (SPEC §15): made as the shop's order makes them, read with their links,
 * extended, revoked; and every integrator POST runs once per Idempotency-Key, replayed byte for byte for 24 h.
 */
class IntegratorKeysIT extends PanelBackedTest {

    private String admin;
    private Map<String, String> key;
    private long planId;
    private long telegramId;
    private String keys;

    private Map<String, String> newKey(String... scopes) {
        return Map.of("X-Api-Key", api.post("/api/v1/admin/api-keys", Map.of("name", "keys " + System.nanoTime(),
                "scopes", List.of(scopes)), admin).expect(201).json().get("key").asString());
    }

    @BeforeEach
    void integratorWithACustomer() {
        admin = api.adminToken();
        key = newKey("customers:write", "keys:write");
        planId = shop.plan(hostId, "visible");
        telegramId = TestIds.telegramId();
        api.put("/api/v1/integrations/customers/" + telegramId, Map.of("firstName", "Site"), null, key).expect(201);
        keys = "/api/v1/integrations/customers/" + telegramId + "/keys";
    }

    private Map<String, String> with(Map<String, String> apiKey, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(apiKey);
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    @Test
    void aKeyIsMadeOnThePlanReadWithItsLinksExtendedAndRevoked() {
        JsonNode created = api.post(keys, Map.of("planId", planId), null, with(key, "k-1")).expect(201).json();
        long keyId = created.get("id").asLong();
        assertThat(created.get("status").asString()).isEqualTo("provisioning");
        assertThat(created.get("planId").asLong()).isEqualTo(planId);
        assertThat(created.get("hostId").asLong()).isEqualTo(hostId);
        outbox.run("key.push:" + keyId + ":");

        JsonNode active = api.get(keys + "/" + keyId, null, key).expect(200).json();
        assertThat(active.get("status").asString()).isEqualTo("active");
        assertThat(active.get("connectionLink").asString()).startsWith("vless://");
        Instant expires = Instant.parse(active.get("expiresAt").asString());
        assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(27)));
        assertThat(api.get(keys, null, key).expect(200).json()).hasSize(1);

        JsonNode extended = api.post(keys + "/" + keyId + "/extend", Map.of("days", 10), null, with(key, "k-2"))
                .expect(200).json();
        assertThat(Instant.parse(extended.get("expiresAt").asString())).isEqualTo(expires.plus(Duration.ofDays(10)));
        JsonNode byPlan = api.post(keys + "/" + keyId + "/extend", Map.of("planId", planId), null, with(key, "k-3"))
                .expect(200).json();
        assertThat(Instant.parse(byPlan.get("expiresAt").asString())).isAfter(expires.plus(Duration.ofDays(37)));
        api.post(keys + "/" + keyId + "/extend", Map.of("days", 5, "planId", planId), null, with(key, "k-4"))
                .problem(400, "validation_failed");

        String email = jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();
        assertThat(panel.client(email)).isPresent();
        JsonNode revoked = api.post(keys + "/" + keyId + "/revoke", Map.of(), null, with(key, "k-5")).expect(200)
                .json();
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(panel.client(email)).as("deleted from the panel").isEmpty();
        api.post(keys + "/" + keyId + "/extend", Map.of("days", 1), null, with(key, "k-6"))
                .problem(409, "key_revoked");
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE object_type = 'key' AND object_id = ? AND "
                + "actor_type = 'INTEGRATOR'", Long.toString(keyId))).as("made, extended twice and revoked by the "
                + "integrator").isGreaterThanOrEqualTo(3);
        assertThat(db.count("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id "
                + "WHERE c.telegram_id = ?", telegramId)).as("no order: the integrator took the money").isZero();
    }

    @Test
    void onlyAPlanOnSaleToTheCustomerAndOnlyTheirOwnKeys() {
        long hidden = shop.plan(hostId, "hidden");
        JsonNode refused = api.post(keys, Map.of("planId", hidden), null, with(key, "h-1"))
                .problem(400, "validation_failed");
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("plan_not_offered");
        long otherKey = shop.activeKey(shop.customer().id(), hostId, planId, Instant.now().plusSeconds(86_400),
                "INHERIT");
        api.get(keys + "/" + otherKey, null, key).problem(404, "not_found");
        api.post(keys + "/" + otherKey + "/revoke", Map.of(), null, with(key, "h-2")).problem(404, "not_found");
        assertThat(shop.status(otherKey)).isEqualTo("ACTIVE");
    }

    @Test
    void aReplayAnswersTheFirstResponseAndAnotherRequestWithTheKeyIsRefused() {
        Api.Response first = api.post(keys, Map.of("planId", planId), null, with(key, "same-1")).expect(201);
        Api.Response replay = api.post(keys, Map.of("planId", planId), null, with(key, "same-1")).expect(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(api.get(keys, null, key).expect(200).json()).as("one key").hasSize(1);

        JsonNode reused = api.post(keys, Map.of("planId", shop.plan(hostId, "visible")), null, with(key, "same-1"))
                .problem(409, "idempotency_key_reused");
        assertThat(reused.get("detail").asString()).contains("different request");
        api.post(keys, Map.of("planId", planId), null, key).problem(400, "idempotency_key_required");
        api.post(keys, Map.of("planId", planId), null, with(key, "no spaces")).problem(400,
                "idempotency_key_required");

        // Another integrator's identical key is its own: it makes its own key.
        Map<String, String> other = newKey("keys:write");
        api.post(keys, Map.of("planId", planId), null, with(other, "same-1")).expect(201);
        assertThat(api.get(keys, null, key).expect(200).json()).hasSize(2);
    }

    @Test
    void keptAnswersAreEncryptedAndARequestWhoseNodeDiedIsNeverRunAgain() {
        api.post(keys, Map.of("planId", planId), null, with(key, "crash-1")).expect(201);
        String kept = jdbc.sql("SELECT body FROM idempotent_requests WHERE idem_key = 'crash-1'")
                .query(String.class).single();
        assertThat(kept).as("VPN links are not kept in clear").doesNotContain("planId", "hostName");

        // As if the node had died after claiming the key and before finishing: unfinished, ten minutes old.
        jdbc.sql("""
                UPDATE idempotent_requests SET completed_at = NULL, status_code = NULL, body = NULL,
                       claimed_at = now() - interval '10 minutes'
                WHERE idem_key = 'crash-1'""").update();
        api.post(keys, Map.of("planId", planId), null, with(key, "crash-1"))
                .problem(409, "idempotency_outcome_unknown");
        assertThat(api.get(keys, null, key).expect(200).json()).as("not made a second time").hasSize(1);
    }

    @Test
    void anErrorIsNotKeptSoTheSameKeyRunsAgainOnceTheCauseIsFixed() {
        long later = TestIds.telegramId();
        String path = "/api/v1/integrations/customers/" + later + "/keys";
        api.post(path, Map.of("planId", planId), null, with(key, "retry-1")).problem(404, "not_found");
        api.put("/api/v1/integrations/customers/" + later, Map.of(), null, key).expect(201);
        api.post(path, Map.of("planId", planId), null, with(key, "retry-1")).expect(201);
    }

    @Test
    void theSameBodyInAnotherKeyOrderIsTheSameRequest() {
        api.post(keys, Map.of("planId", planId), null, with(key, "order-1")).expect(201);
        String a = "{\"days\":3,\"planId\":null}";
        String b = "{\"planId\":null,\"days\":3}";
        long keyId = api.get(keys, null, key).expect(200).json().get(0).get("id").asLong();
        Map<String, String> json = with(key, "order-2");
        Api.Response first = api.postRaw(keys + "/" + keyId + "/extend", a, null, json);
        Api.Response second = api.postRaw(keys + "/" + keyId + "/extend", b, null, json);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void twentyRacingReplaysMakeOneKeyAndAllGetItsAnswer() {
        Map<String, String> racer = newKey("keys:write");
        List<Api.Response> done = Racers.race(20,
                () -> api.post(keys, Map.of("planId", planId), null, with(racer, "race-1")));
        assertThat(done).extracting(Api.Response::status).containsOnly(201);
        assertThat(done).extracting(Api.Response::body).containsOnly(done.getFirst().body());
        assertThat(done).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(api.get(keys, null, key).expect(200).json()).as("one key for twenty requests").hasSize(1);
    }
}
