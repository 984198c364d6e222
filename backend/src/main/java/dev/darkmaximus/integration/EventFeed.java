package dev.darkmaximus.integration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.OrderPaid;
import dev.darkmaximus.billing.PaymentRefunded;
import dev.darkmaximus.customer.CustomerRegistered;
import dev.darkmaximus.integration.persistence.EventStore;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.subscription.KeyExpired;
import dev.darkmaximus.subscription.KeyExtended;
import dev.darkmaximus.subscription.KeyProvisioned;
import dev.darkmaximus.subscription.KeyRevoked;

/**
 * The integrators' event feed (SPEC §15): each domain event becomes a row in the transaction that caused it, with a
 * stable wire shape of its own (not the Java record's), so a refactoring never changes what integrators receive.
 */
@Service
public class EventFeed {

    /** Every event type, as the feed and the webhooks name them. */
    public static final List<String> TYPES = List.of("customer.created", "order.paid", "payment.refunded",
            "key.created", "key.extended", "key.expired", "key.revoked");

    private final EventStore store;
    private final WebhookFanout webhooks;
    private final JsonMapper json;
    private final Clock clock;

    EventFeed(EventStore store, WebhookFanout webhooks, JsonMapper json, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerRegistered e) {
        append("customer.created", Map.of("customerId", e.customerId(), "telegramId", e.telegramId(),
                "number", e.number()));
    }

    @EventListener
    void on(OrderPaid e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", e.orderId());
        data.put("customerId", e.customerId());
        data.put("kind", e.kind().name());
        data.put("planId", e.planId());
        data.put("keyId", e.keyId());
        data.put("amount", money(e.amount()));
        data.put("method", e.provider().name());
        append("order.paid", data);
    }

    @EventListener
    void on(PaymentRefunded e) {
        append("payment.refunded", Map.of("refundId", e.refundId(), "paymentId", e.paymentId(),
                "orderId", e.orderId(), "customerId", e.customerId(), "amount", money(e.amount()),
                "toBalance", e.toBalance()));
    }

    @EventListener
    void on(KeyProvisioned e) {
        append("key.created", Map.of("keyId", e.keyId(), "customerId", e.customerId(), "number", e.keyNumber(),
                "expiresAt", e.expiresAt().toString()));
    }

    @EventListener
    void on(KeyExtended e) {
        append("key.extended", Map.of("keyId", e.keyId(), "customerId", e.customerId(),
                "expiresAt", e.expiresAt().toString(), "cause", e.cause().name().toLowerCase(Locale.ROOT)));
    }

    @EventListener
    void on(KeyExpired e) {
        append("key.expired", Map.of("keyId", e.keyId(), "customerId", e.customerId(),
                "expiredAt", e.expiredAt().toString()));
    }

    @EventListener
    void on(KeyRevoked e) {
        append("key.revoked", Map.of("keyId", e.keyId(), "customerId", e.customerId()));
    }

    /** Events after {@code cursor} (null: from the start), oldest first, and the cursor to ask with next. */
    @Transactional(readOnly = true)
    public Page read(String cursor, int limit) {
        String tx = "0";
        long id = 0;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = cursor.split("-", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9]{1,19}") || !parts[1].matches("[0-9]{1,18}")) {
                throw InvalidInputException.field("after", "format", "must be a nextCursor from this feed");
            }
            tx = parts[0];
            id = Long.parseLong(parts[1]);
        }
        List<EventStore.StoredEvent> rows = store.after(tx, id, limit);
        String next = rows.isEmpty() ? cursor : rows.getLast().tx() + "-" + rows.getLast().id();
        return new Page(rows.stream().map(row -> new Event(row.id(), row.type(), row.occurredAt(),
                data(row.json()))).toList(), next);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(String stored) {
        return json.readValue(stored, Map.class);
    }

    /** The feed's row and every subscribed endpoint's delivery, in the causing transaction: all or none. */
    private void append(String type, Map<String, Object> data) {
        Instant at = clock.instant();
        long id = store.append(type, at, json.writeValueAsString(data));
        webhooks.fanOut(new Event(id, type, at, data));
    }

    private static Map<String, Object> money(Money money) {
        return Map.of("amount", money.amount(), "currency", money.currency().name());
    }

    public record Event(long id, String type, Instant occurredAt, Map<String, Object> data) {
    }

    public record Page(List<Event> events, String nextCursor) {
    }
}
