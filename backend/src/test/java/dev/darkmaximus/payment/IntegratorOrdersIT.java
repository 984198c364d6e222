package dev.darkmaximus.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Racers;

/** Orders placed by an integrator for a customer: scoped, idempotent, and one order however many replays race. */
class IntegratorOrdersIT extends PanelBackedTest {

    private Map<String, String> key;
    private long planId;
    private long telegramId;
    private long customerId;
    private String orders;

    @BeforeEach
    void integratorWithACustomer() {
        String admin = api.adminToken();
        key = Map.of("X-Api-Key", api.post("/api/v1/admin/api-keys", Map.of("name", "site " + System.nanoTime(),
                "scopes", List.of("customers:write", "orders:write")), admin).expect(201).json().get("key").asString());
        planId = shop.plan(hostId, "visible");
        telegramId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        customerId = api.put("/api/v1/integrations/customers/" + telegramId, Map.of("firstName", "Site"), null, key)
                .expect(201).json().get("id").asLong();
        orders = "/api/v1/integrations/customers/" + telegramId + "/orders";
    }

    private Map<String, String> with(String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(key);
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    @Test
    void anOrderFromTheBalanceIsPaidAtOnceAndAReplayAnswersTheSameOrder() {
        shop.credit(customerId, 19_900);
        Map<String, Object> buy = Map.of("kind", "NEW_KEY", "planId", planId, "method", "BALANCE");
        JsonNode quote = api.post("/api/v1/integrations/customers/" + telegramId + "/quotes", buy, null, key)
                .expect(200).json();
        assertThat(quote.get("amountMinor").asLong()).isEqualTo(19_900);

        JsonNode paid = api.post(orders, buy, null, with("site-order-1")).expect(201).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        JsonNode replay = api.post(orders, buy, null, with("site-order-1")).expect(201).json();
        assertThat(replay.get("id").asLong()).isEqualTo(paid.get("id").asLong());
        api.post(orders, Map.of("kind", "TOP_UP", "amountMinor", 50_000, "method", "YOOKASSA"), null,
                with("site-order-1")).problem(409, "idempotency_key_reused");
        // Keeping a card needs the customer's own consent, given where its words are shown: not an integrator's.
        assertThat(api.post(orders, Map.of("kind", "NEW_KEY", "planId", planId, "method", "YOOKASSA", "saveCard", true),
                null, with("site-order-card")).problem(400, "validation_failed").toString())
                .contains("card_saving_unavailable");

        assertThat(api.get(orders + "/" + paid.get("id").asLong(), null, key).expect(200).json().get("id").asLong())
                .isEqualTo(paid.get("id").asLong());
        assertThat(api.get(orders, null, key).expect(200).json().size()).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", customerId)).isEqualTo(1);
    }

    @Test
    void twentyReplaysRacingAreOneOrder() throws Exception {
        shop.credit(customerId, 19_900);
        Map<String, Object> buy = Map.of("kind", "NEW_KEY", "planId", planId, "method", "BALANCE");
        List<Long> ids = Racers.race(20, () -> new Api(port).post(orders, buy, null, with("racing")))
                .stream().map(answer -> answer.expect(201).json().get("id").asLong()).toList();
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", customerId)).isEqualTo(1);
        assertThat(db.balance(customerId, "MAIN")).as("paid once").isZero();
    }

    @Test
    void itNeedsOrdersWriteAnIdempotencyKeyAndAKnownCustomer() {
        Map<String, Object> buy = Map.of("kind", "NEW_KEY", "planId", planId, "method", "BALANCE");
        String admin = api.adminToken();
        Map<String, String> customersOnly = new HashMap<>(Map.of("X-Api-Key", api.post("/api/v1/admin/api-keys",
                Map.of("name", "no orders " + System.nanoTime(), "scopes", List.of("customers:write")), admin)
                .expect(201).json().get("key").asString()));
        customersOnly.put("Idempotency-Key", "x");
        assertThat(api.post(orders, buy, null, customersOnly).problem(403, "scope_missing").get("scope").asString())
                .isEqualTo("orders:write");
        api.post(orders, buy, null, key).problem(400, "idempotency_key_required");
        api.post("/api/v1/integrations/customers/1/orders", buy, null, with("y")).problem(404, "not_found");
        api.post(orders, buy, admin).problem(401, "unauthorized");
    }
}
