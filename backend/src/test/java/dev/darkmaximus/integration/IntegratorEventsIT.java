package dev.darkmaximus.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;

/** The integrators' event feed: a customer, their paid order and their key, in order, page by page, once each. */
class IntegratorEventsIT extends PanelBackedTest {

    private Map<String, String> keyWith(String admin, String... scopes) {
        return Map.of("X-Api-Key", api.post("/api/v1/admin/api-keys", Map.of("name", "feed " + System.nanoTime(),
                "scopes", List.of(scopes)), admin).expect(201).json().get("key").asString());
    }

    /** Every event after the last cursor that concerns this customer, reading page by page to the end. */
    private List<JsonNode> eventsOf(Map<String, String> key, long customerId, List<String> cursor) {
        return eventsOf(key, customerId, cursor, 2);
    }

    private List<JsonNode> eventsOf(Map<String, String> key, long customerId, List<String> cursor, int limit) {
        List<JsonNode> found = new ArrayList<>();
        while (true) {
            String last = cursor.isEmpty() ? null : cursor.getLast();
            String query = "?limit=" + limit + (last == null ? "" : "&after=" + last);

            JsonNode page = api.get("/api/v1/integrations/events" + query, null, key).expect(200).json();
            page.get("data").forEach(event -> {
                if (event.get("data").path("customerId").asLong() == customerId) {
                    found.add(event);
                }
            });
            cursor.add(page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString());
            if (page.get("data").isEmpty()) {
                return found;
            }
        }
    }

    @Test
    void aCustomerTheirOrderAndTheirKeyArriveInOrderAndOnce() {
        String admin = api.adminToken();
        Map<String, String> key = keyWith(admin, "customers:write", "orders:write", "events:read");
        List<String> cursor = new ArrayList<>();
        // To the end of what's there, in big pages (the whole suite's events would outrun the key's request budget
        // two by two): only what follows counts, read two by two.
        eventsOf(key, -1, cursor, 100);

        long telegramId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        long customerId = api.put("/api/v1/integrations/customers/" + telegramId, Map.of(), null, key).expect(201)
                .json().get("id").asLong();
        shop.credit(customerId, 19_900);
        Map<String, String> ordering = new HashMap<>(key);
        ordering.put("Idempotency-Key", "feed-1");
        JsonNode order = api.post("/api/v1/integrations/customers/" + telegramId + "/orders",
                Map.of("kind", "NEW_KEY", "planId", shop.plan(hostId, "visible"), "method", "BALANCE"), null, ordering)
                .expect(201).json();
        long keyId = jdbc.sql("SELECT key_id FROM orders WHERE id = :id").param("id", order.get("id").asLong())
                .query(Long.class).single();
        outbox.run("key.push:" + keyId + ":");

        List<JsonNode> events = eventsOf(key, customerId, cursor);
        assertThat(events).extracting(e -> e.get("type").asString())
                .containsExactly("customer.created", "order.paid", "key.created");
        JsonNode paid = events.get(1).get("data");
        assertThat(paid.get("orderId").asLong()).isEqualTo(order.get("id").asLong());
        assertThat(paid.get("amount").get("amount").asLong()).isEqualTo(19_900);
        assertThat(paid.get("amount").get("currency").asString()).isEqualTo("RUB");
        assertThat(events.get(2).get("data").get("keyId").asLong()).isEqualTo(keyId);
        assertThat(eventsOf(key, customerId, cursor)).as("read once, not again").isEmpty();
    }

    @Test
    void theFeedNeedsEventsReadAndACursorItGaveOut() {
        String admin = api.adminToken();
        assertThat(api.get("/api/v1/integrations/events", null, keyWith(admin, "catalog:read"))
                .problem(403, "scope_missing").get("scope").asString()).isEqualTo("events:read");
        api.get("/api/v1/integrations/events?after=drop%20table", null, keyWith(admin, "events:read"))
                .problem(400, "validation_failed");
        api.get("/api/v1/integrations/events", admin).problem(401, "unauthorized");
    }
}
