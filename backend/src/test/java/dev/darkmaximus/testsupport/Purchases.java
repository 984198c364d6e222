package dev.darkmaximus.testsupport;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;

/**
 * Buying in a panel-backed test: a plan on sale (199 ₽ / 100 ⭐) on the test's host, orders through the real API, and
 * YooKassa notifications from YooKassa's own address range. Composed into a test, not inherited.
 */
public final class Purchases {

    /** An address inside YooKassa's published ranges. */
    public static final String YOOKASSA_IP = "185.71.76.10";

    private final Api api;
    private final Api yookassa;
    private final long planId;

    /** Puts a plan on sale on {@code hostId} and switches referrals on, as the money tests expect. */
    public Purchases(Api api, Shop shop, int port, long hostId, ShopSettings settings) {
        this.api = api;
        this.yookassa = new Api(port, YOOKASSA_IP);
        this.planId = shop.plan(hostId, "visible");
        settings.put(ShopSettings.REFERRAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
    }

    public long planId() {
        return planId;
    }

    /** A client calling from YooKassa's address range. */
    public Api yookassa() {
        return yookassa;
    }

    public JsonNode order(Shop.Customer customer, Map<String, Object> body, String idempotencyKey) {
        return api.post("/api/v1/orders", body, customer.token(), Map.of("Idempotency-Key", idempotencyKey))
                .expect(201).json();
    }

    public JsonNode buyWithCard(Shop.Customer customer) {
        return order(customer, Map.of("kind", "NEW_KEY", "planId", planId, "method", "YOOKASSA"),
                UUID.randomUUID().toString());
    }

    /** A key bought by card and paid: YooKassa says it succeeded and its webhook arrived. Returns the order. */
    public JsonNode paidByCard(Shop.Customer customer) {
        JsonNode order = buyWithCard(customer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
        notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);
        return order;
    }

    /** A card order whose payment YooKassa hasn't confirmed: what its notifications name. */
    public record CardOrder(long orderId, long paymentId, long amount) {
    }

    /** Orders by card for {@code buyer} and leaves the payment open. */
    public CardOrder openCardOrder(Shop.Customer buyer) {
        JsonNode order = buyWithCard(buyer);
        return new CardOrder(order.get("id").asLong(), order.get("payment").get("id").asLong(),
                order.get("amountMinor").asLong());
    }

    /** YooKassa's notification of {@code event} about the order's payment, the payment's status in its body. */
    public Api.Response notify(CardOrder order, String event, String bodyStatus) {
        return notify(event, order.paymentId(), bodyStatus, order.amount(), order.orderId());
    }

    /** A YooKassa notification, as YooKassa sends it. */
    public Api.Response notify(String event, long paymentId, String bodyStatus, long kopecks, long orderId) {
        return yookassa.postRaw("/api/v1/webhooks/yookassa",
                TestYooKassa.notification(event, paymentId, bodyStatus, kopecks, orderId), null);
    }
}
