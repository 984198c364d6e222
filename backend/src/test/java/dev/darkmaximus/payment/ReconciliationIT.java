package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.payment.reconcile.Reconciliation;
import dev.darkmaximus.payment.reconcile.ReconciliationView;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestCryptoBot;
import dev.darkmaximus.testsupport.TestTelegram;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * The daily reconciliation (issue 21): a payment each provider has but whose notification never came is found the
 * next day and fulfilled once, through the verified path; money or payments on one side only are reported to the
 * admins; running the day again repairs nothing twice.
 */
class ReconciliationIT extends PanelBackedTest {

    private static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;

    @Autowired
    Reconciliation reconciliation;

    Purchases money;
    LocalDate yesterday;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        yesterday = reconciliation.today().minusDays(1);
        settings.put(ShopSettings.ADMIN_CHAT_ID, "-100777", Setting.ValueType.INT, "test");
        starTransactions(List.of());
        yooKassaLists(List.of());
    }

    /** Stubs this test added to the shared fakes, taken away after it so the next test starts clean. */
    private static final List<StubMapping> ADDED = new java.util.ArrayList<>();

    @AfterEach
    void tidy() {
        ADDED.forEach(stub -> {
            TestYooKassa.server().removeStub(stub);
            TestTelegram.server().removeStub(stub);
            TestCryptoBot.server().removeStub(stub);
        });
        ADDED.clear();
        settings.put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.INT, "test");
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, "", Setting.ValueType.STRING, "test");
    }

    /**
     * {@code GET /v3/payments}: {@code {"type":"list","items":[…]}} with {@code next_cursor} left out on the last page
     * (yoomoney/yookassa-sdk-python@bde5a27 test/unit/test_any_list_response.py; yookassa.ru/developers "lists").
     */
    private static void yooKassaLists(List<String> payments) {
        ADDED.add(TestYooKassa.server().stubFor(get(urlPathEqualTo("/payments")).willReturn(okJson(
                "{\"type\":\"list\",\"items\":[" + String.join(",", payments) + "]}"))));
    }

    /**
     * Telegram's list: these transactions at every offset the provider asks for, oldest first, as tdlib/telegram-bot-api
     * @01a3679 telegram-bot-api/Client.cpp serialises them ({@code id, date, source|receiver, amount}; a refund is an
     * outgoing entry with the payment's id and a {@code receiver}) and as TDLib asks for them for bots
     * (tdlib/td@022d602 td/telegram/StarManager.cpp: ascending).
     */
    private static void starTransactions(List<String> transactions) {
        ADDED.add(TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/getStarTransactions")).atPriority(9)
                .willReturn(okJson("{\"ok\":true,\"result\":{\"transactions\":[]}}"))));
        for (int offset = 0; offset < transactions.size(); offset++) {
            List<String> rest = transactions.subList(offset, transactions.size());
            ADDED.add(TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/getStarTransactions")).atPriority(5)
                    .withRequestBody(matchingJsonPath("$.offset", equalTo(Integer.toString(offset))))
                    .willReturn(okJson("{\"ok\":true,\"result\":{\"transactions\":[" + String.join(",",
                            rest) + "]}}"))));
        }
    }

    private ReconciliationView row(List<ReconciliationView> rows, PaymentMethod provider) {
        return rows.stream().filter(r -> r.provider() == provider).findFirst().orElseThrow();
    }

    private long noonYesterday() {
        return yesterday.atTime(LocalTime.NOON).atZone(settings.timeZone()).toEpochSecond();
    }

    @Test
    void aCardPaymentWhoseNotificationNeverCameIsFulfilledTheNextDayOnce() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 19_900, orderId);
        yooKassaLists(List.of(TestYooKassa.paymentJson(TestYooKassa.providerId(paymentId), "succeeded", 19_900,
                orderId, paymentId)));

        ReconciliationView first = row(reconciliation.run(yesterday), PaymentMethod.YOOKASSA);

        assertThat(first.repaired()).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ? AND source = "
                + "'reconciliation'", paymentId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox_tasks WHERE kind = 'admin.alert' AND payload::text "
                + "LIKE '%Reconciliation of " + yesterday + " with YOOKASSA: 1 payment%'")).isEqualTo(1);

        ReconciliationView again = row(reconciliation.run(yesterday), PaymentMethod.YOOKASSA);
        assertThat(again.repaired()).as("a day run again credits nothing twice").isZero();
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ? AND to_status = "
                + "'SUCCEEDED'", paymentId)).isEqualTo(1);
    }

    @Test
    void moneyTheProviderHasForNoPaymentAndAPaymentTheProviderLacksAreReported() {
        JsonNode paid = money.paidByCard(shop.customer());
        long shopOnly = paid.get("payment").get("id").asLong();
        // The shop counts it paid; YooKassa neither lists it nor has it as succeeded when asked by id.
        TestYooKassa.payment(shopOnly, "canceled", 19_900, paid.get("id").asLong());
        jdbc.sql("UPDATE payments SET succeeded_at = to_timestamp(:at) WHERE id = :id")
                .param("at", noonYesterday()).param("id", shopOnly).update();
        String stranger = TestYooKassa.paymentJson("yk-stranger-" + UUID.randomUUID().toString().substring(0, 8),
                "succeeded", 50_000, 0, 0).replace("\"metadata\":{\"order_id\":\"0\",\"payment_id\":\"0\"}",
                "\"metadata\":{}");
        yooKassaLists(List.of(stranger));

        ReconciliationView row = row(reconciliation.run(yesterday), PaymentMethod.YOOKASSA);

        assertThat(row.status()).isEqualTo(ReconciliationView.Status.DIFFERENCES);
        assertThat(row.differences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(ReconciliationView.Kind.SHOP_ONLY);
            assertThat(d.paymentId()).isEqualTo(shopOnly);
        });
        assertThat(row.differences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(ReconciliationView.Kind.PROVIDER_ONLY);
            assertThat(d.providerPaymentId()).startsWith("yk-stranger-");
            assertThat(d.amountMinor()).isEqualTo(50_000);
        });
        JsonNode listed = api.get("/api/v1/admin/reconciliations?limit=10", shop.admin()).expect(200).json();
        assertThat(listed.toString()).contains("SHOP_ONLY", "PROVIDER_ONLY", yesterday.toString());
        api.post("/api/v1/admin/reconciliations?day=" + reconciliation.today(), Map.of(), shop.admin())
                .problem(400, "validation_failed");
    }

    @Test
    void aCryptoInvoiceWhoseCreationAnswerWasLostAndWasPaidIsFoundByItsPayload() {
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, TestCryptoBot.TOKEN, Setting.ValueType.STRING, "test");
        Shop.Customer buyer = shop.customer();
        var lost = TestCryptoBot.server().stubFor(post(urlEqualTo("/api/createInvoice")).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        String key = UUID.randomUUID().toString();
        api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "CRYPTOBOT"),
                buyer.token(), Map.of("Idempotency-Key", key)).expect(502);
        TestCryptoBot.server().removeStub(lost);
        long paymentId = jdbc.sql("SELECT p.id FROM payments p JOIN orders o ON o.id = p.order_id "
                + "WHERE o.customer_id = :c").param("c", buyer.id()).query(Long.class).single();
        long orderId = jdbc.sql("SELECT order_id FROM payments WHERE id = :id").param("id", paymentId)
                .query(Long.class).single();
        // CryptoBot made the invoice after all (the 502 came from a proxy in front of it), and the customer paid it.
        String invoice = TestCryptoBot.invoiceJson(paymentId, "paid", 19_900, orderId)
                .replace("2026-12-06T10:15:31.568Z", java.time.Instant.ofEpochSecond(noonYesterday()).toString());
        ADDED.add(TestCryptoBot.server().stubFor(post(urlEqualTo("/api/getInvoices")).atPriority(4)
                .withRequestBody(matchingJsonPath("$.status", equalTo("paid")))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"items\":[" + invoice + "]}}"))));
        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId);

        ReconciliationView row = row(reconciliation.run(yesterday), PaymentMethod.CRYPTOBOT);

        assertThat(row.repaired()).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(row(reconciliation.run(yesterday), PaymentMethod.CRYPTOBOT).repaired()).isZero();
    }

    @Test
    void aStarsPaymentWhoseUpdateNeverCameIsFoundInTelegramsTransactions() {
        TestTelegram.server().stubFor(post(urlEqualTo(BOT + "/createInvoiceLink"))
                .willReturn(okJson("{\"ok\":true,\"result\":\"https://t.me/$test-invoice\"}")));
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "STARS"),
                UUID.randomUUID().toString());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        String charge = "stxRecon" + paymentId;
        long noon = noonYesterday();
        // Telegram's list, oldest first: an older sale of someone else's, ours, and a refund (outgoing) after it.
        starTransactions(List.of(
                "{\"id\":\"stxOld\",\"date\":" + (noon - 3 * 86_400) + ",\"source\":{\"transaction_type\":"
                        + "\"invoice_payment\",\"type\":\"user\",\"user\":{\"id\":5,\"is_bot\":false,\"first_name\":"
                        + "\"A\"},\"invoice_payload\":\"dm:1:1\"},\"amount\":100}",
                "{\"id\":\"" + charge + "\",\"date\":" + noon + ",\"source\":{\"transaction_type\":\"invoice_payment\","
                        + "\"type\":\"user\",\"user\":{\"id\":" + buyer.telegramId() + ",\"is_bot\":false,"
                        + "\"first_name\":\"Ivan\",\"language_code\":\"ru\"},\"invoice_payload\":\"dm:" + orderId + ":"
                        + paymentId + "\"},\"amount\":100}",
                "{\"id\":\"stxOld\",\"date\":" + (noon + 60) + ",\"receiver\":{\"transaction_type\":"
                        + "\"invoice_payment\",\"type\":\"user\",\"user\":{\"id\":5,\"is_bot\":false,\"first_name\":"
                        + "\"A\"},\"invoice_payload\":\"dm:1:1\"},\"amount\":100}"));

        ReconciliationView row = row(reconciliation.run(yesterday), PaymentMethod.STARS);

        assertThat(row.repaired()).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM payments WHERE provider_payment_id = ?", charge)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(row(reconciliation.run(yesterday), PaymentMethod.STARS).repaired()).isZero();
    }
}
