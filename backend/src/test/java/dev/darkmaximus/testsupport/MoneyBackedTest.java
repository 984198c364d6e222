package dev.darkmaximus.testsupport;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * A panel-backed shop with a plan on sale (199 ₽ / 100 ⭐) and helpers to buy it: orders through the real API,
 * YooKassa notifications from YooKassa's own address range, and counts straight from the database.
 */
public abstract class MoneyBackedTest extends PanelBackedTest {

    /** An address inside YooKassa's published ranges. */
    protected static final String YOOKASSA_IP = "185.71.76.10";

    @Autowired
    protected OutboxWorker worker;
    @Autowired
    protected ShopSettings settings;

    protected OutboxDriver outbox;
    protected Api yookassa;
    protected long planId;

    @BeforeEach
    void shopWithPlan() {
        outbox = new OutboxDriver(jdbc, worker);
        yookassa = new Api(port, YOOKASSA_IP);
        planId = shop.plan(hostId, "visible");
        settings.put(ShopSettings.REFERRAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
    }

    protected JsonNode order(Shop.Customer customer, Map<String, Object> body, String idempotencyKey) {
        return api.post("/api/v1/orders", body, customer.token(), Map.of("Idempotency-Key", idempotencyKey))
                .expect(201).json();
    }

    protected JsonNode buyWithCard(Shop.Customer customer) {
        return order(customer, Map.of("kind", "NEW_KEY", "planId", planId, "method", "YOOKASSA"),
                java.util.UUID.randomUUID().toString());
    }

    /** A key bought by card and paid: YooKassa says it succeeded and its webhook arrived. Returns the order. */
    protected JsonNode paidByCard(Shop.Customer customer) {
        JsonNode order = buyWithCard(customer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
        notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);
        return order;
    }

    protected Api.Response notify(String event, long paymentId, String bodyStatus, long kopecks, long orderId) {
        return yookassa.postRaw("/api/v1/webhooks/yookassa",
                TestYooKassa.notification(event, paymentId, bodyStatus, kopecks, orderId), null);
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }

    protected String paymentStatus(long paymentId) {
        return jdbc.sql("SELECT status FROM payments WHERE id = :id").param("id", paymentId).query(String.class).single();
    }

    protected String orderStatus(long orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = :id").param("id", orderId).query(String.class).single();
    }

    protected long balance(long customerId, String account) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT balance_minor FROM balance_accounts
                                 WHERE customer_id = :c AND account = :a AND currency = 'RUB'), 0)""")
                .param("c", customerId).param("a", account).query(Long.class).single();
    }
}
