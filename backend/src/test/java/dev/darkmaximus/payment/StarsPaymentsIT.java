package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * Telegram Stars through the bot's webhook, with a WireMock for the Bot API: the invoice names only our ids, the
 * pre-checkout answer re-validates the order, a successful_payment is credited once, and refunds go back.
 */
class StarsPaymentsIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    private static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;
    private static final Map<String, String> SECRET = Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret");

    @BeforeEach
    void telegramAnswers() {
        TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/createInvoiceLink"))
                .willReturn(okJson("{\"ok\":true,\"result\":\"https://t.me/$test-invoice\"}")));
        TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/answerPreCheckoutQuery"))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
        TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/refundStarPayment"))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    @Test
    void anInvoiceIsPaidOnceWhateverTelegramRepeatsAndCanBeRefunded() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "STARS"),
                "stars-1");
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        String payload = "dm:" + orderId + ":" + paymentId;
        assertThat(order.get("currency").asString()).isEqualTo("XTR");
        assertThat(order.get("payment").get("confirmationUrl").asString()).isEqualTo("https://t.me/$test-invoice");
        assertThat(TestTelegram.server().findAll(postRequestedFor(urlEqualTo(BOT + "/createInvoiceLink"))
                .withRequestBody(matchingJsonPath("$.payload", equalTo(payload)))
                .withRequestBody(matchingJsonPath("$.currency", equalTo("XTR")))
                .withRequestBody(matchingJsonPath("$.prices[0].amount", equalTo("100"))))).hasSize(1);

        update(preCheckout("q-ok-" + paymentId, buyer.telegramId(), 100, payload)).expect(200);
        assertThat(answered("q-ok-" + paymentId, true)).isEqualTo(1);

        String charge = "stxCharge" + paymentId;
        for (int i = 0; i < 3; i++) {
            update(successfulPayment(buyer.telegramId(), 100, payload, charge)).expect(200);
        }

        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.orderStatus(orderId)).isEqualTo("PAID");
        assertThat(db.count("SELECT count(*) FROM payments WHERE provider_payment_id = ?", charge)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE reference_type = 'order' AND reference_id = ?",
                orderId)).isEqualTo(2);

        JsonNode refund = api.post("/api/v1/admin/payments/" + paymentId + "/refunds",
                Map.of("reason", "asked for it", "keyAction", "NONE"), shop.admin()).expect(200).json();
        assertThat(refund.get("refund").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(db.paymentStatus(paymentId)).isEqualTo("REFUNDED");
        assertThat(TestTelegram.server().findAll(postRequestedFor(urlEqualTo(BOT + "/refundStarPayment"))
                .withRequestBody(matchingJsonPath("$.telegram_payment_charge_id", equalTo(charge)))
                .withRequestBody(matchingJsonPath("$.user_id",
                        equalTo(Long.toString(buyer.telegramId())))))).hasSize(1);
    }

    @Test
    void preCheckoutIsRefusedForAChangedAmountAnotherPayerOrAnExpiredOrder() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "STARS"),
                "stars-2");
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        String payload = "dm:" + orderId + ":" + paymentId;

        update(preCheckout("q-amount-" + paymentId, buyer.telegramId(), 1, payload)).expect(200);
        update(preCheckout("q-payer-" + paymentId, buyer.telegramId() + 1, 100, payload)).expect(200);
        jdbc.sql("UPDATE orders SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id",
                orderId).update();
        update(preCheckout("q-expired-" + paymentId, buyer.telegramId(), 100, payload)).expect(200);

        assertThat(answered("q-amount-" + paymentId, false)).isEqualTo(1);
        assertThat(answered("q-payer-" + paymentId, false)).isEqualTo(1);
        assertThat(answered("q-expired-" + paymentId, false)).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }

    @Test
    void theWebhookRefusesAWrongSecret() {
        api.post("/telegram/webhook/wrong", Map.of("update_id", 1), null, SECRET).problem(401, "unauthorized");
        api.post("/telegram/webhook/test-webhook-secret", Map.of("update_id", 1), null,
                Map.of("X-Telegram-Bot-Api-Secret-Token", "nope")).problem(401, "unauthorized");
        api.post("/telegram/webhook/test-webhook-secret", Map.of("update_id", 1), null, SECRET).expect(200);
    }

    private Api.Response update(Map<String, Object> update) {
        return api.post("/telegram/webhook/test-webhook-secret", update, null, SECRET);
    }

    private int answered(String queryId, boolean ok) {
        return TestTelegram.server().findAll(postRequestedFor(urlEqualTo(BOT + "/answerPreCheckoutQuery"))
                .withRequestBody(matchingJsonPath("$.pre_checkout_query_id", equalTo(queryId)))
                .withRequestBody(matchingJsonPath("$.ok", equalTo(Boolean.toString(ok))))).size();
    }

    private static Map<String, Object> preCheckout(String id, long from, long amount, String payload) {
        return Map.of("update_id", TestIds.updateId(), "pre_checkout_query", Map.of("id",
                id, "from", Map.of("id", from,
                "is_bot", false, "first_name", "Buyer"), "currency", "XTR", "total_amount", amount,
                "invoice_payload", payload));
    }

    private static Map<String, Object> successfulPayment(long from, long amount, String payload, String charge) {
        return Map.of("update_id", TestIds.updateId(), "message", Map.of("message_id", 7,
                "date", 1_764_000_000,
                "chat", Map.of("id", from, "type", "private"), "from", Map.of("id", from, "is_bot", false,
                        "first_name", "Buyer"),
                "successful_payment", Map.of("currency", "XTR", "total_amount", amount, "invoice_payload", payload,
                        "telegram_payment_charge_id", charge, "provider_payment_charge_id", "")));
    }
}
