package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxProperties;
import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Racers;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestCryptoBot;

/**
 * CryptoBot (issue 21): a fiat invoice in roubles per order, webhook updates accepted only with CryptoBot's
 * signature over the exact bytes, and then only what {@code getInvoices} says is applied — once, whatever arrives
 * how often; invoices that lapse expire their order; invoices nobody told us about are found by the poll.
 */
class CryptoBotPaymentsIT extends PanelBackedTest {

    private static final String WEBHOOK = "/api/v1/webhooks/cryptobot";

    @Autowired
    PaymentChecks checks;
    @Autowired
    JsonMapper json;
    @Autowired
    OutboxRepository outboxTasks;
    @Autowired
    List<OutboxHandler> handlers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OutboxProperties outboxProperties;
    @Autowired
    MeterRegistry meters;

    Purchases money;

    @BeforeEach
    void switchCryptoBotOn() {
        money = new Purchases(api, shop, port, hostId, settings);
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, TestCryptoBot.TOKEN, Setting.ValueType.STRING, "test");
    }

    @AfterEach
    void switchCryptoBotOff() {
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, "", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.CRYPTOBOT_TESTNET, "false", Setting.ValueType.BOOL, "test");
    }

    private JsonNode buyWithCrypto(Shop.Customer buyer) {
        return money.order(buyer, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "CRYPTOBOT"),
                UUID.randomUUID().toString());
    }

    private Api.Response send(String body, String signature) {
        return api.postRaw(WEBHOOK, body, null, signature == null ? Map.of()
                : Map.of("crypto-pay-api-signature", signature));
    }

    private Api.Response signed(String body) {
        return send(body, TestCryptoBot.signature(body, TestCryptoBot.TOKEN));
    }

    @Test
    void anOrderGetsARoubleInvoiceThatAcceptsTheChosenCoinsAndNamesTheOrder() {
        settings.put(ShopSettings.CRYPTOBOT_ASSETS, "USDT,TON", Setting.ValueType.STRING, "test");
        try {
            Shop.Customer buyer = shop.customer();
            assertThat(api.get("/api/v1/me/payment-methods?kind=NEW_KEY&planId=" + money.planId(), buyer.token())
                    .expect(200).json().toString()).contains("CRYPTOBOT");
            JsonNode order = buyWithCrypto(buyer);
            long orderId = order.get("id").asLong();
            long paymentId = order.get("payment").get("id").asLong();

            assertThat(order.get("payment").get("confirmationUrl").asString())
                    .isEqualTo("https://t.me/CryptoBot?start=IVfake" + paymentId);
            assertThat(order.get("payment").get("providerPaymentId").asString()).isEqualTo(Long.toString(paymentId));
            JsonNode asked = json.readTree(TestCryptoBot.server().findAll(postRequestedFor(urlEqualTo(
                    "/api/createInvoice")).withHeader("Crypto-Pay-API-Token", equalTo(TestCryptoBot.TOKEN)))
                    .getLast().getBodyAsString());
            assertThat(asked.get("currency_type").asString()).isEqualTo("fiat");
            assertThat(asked.get("fiat").asString()).isEqualTo("RUB");
            assertThat(asked.get("amount").asString()).isEqualTo("199.00");
            assertThat(asked.get("accepted_assets").asString()).isEqualTo("USDT,TON");
            assertThat(asked.get("payload").asString()).isEqualTo("order:" + orderId + ";payment:" + paymentId);
            assertThat(asked.get("expires_in").asLong()).isBetween(60L, 2_678_400L);
        } finally {
            settings.put(ShopSettings.CRYPTOBOT_ASSETS, "", Setting.ValueType.STRING, "test");
        }
    }

    @Test
    void aHundredSignedDuplicatesArrivingTogetherPayOnce() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = buyWithCrypto(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId);
        String update = TestCryptoBot.update(paymentId, "paid", 19_900, orderId);

        List<Api.Response> answers = Racers.race(100, () -> signed(update));

        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(TestCryptoBot.reads(paymentId)).as("CryptoBot asked once per node at most").isBetween(1, 2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ? AND to_status = "
                + "'SUCCEEDED'", paymentId)).isEqualTo(1);
        assertThat(db.balance(buyer.id(), "MAIN")).as("nothing credited twice").isZero();
    }

    @Test
    void aCrashBetweenPaymentAndProvisioningStillEndsWithTheKeyAndNoSecondCredit() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = buyWithCrypto(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId);
        String update = TestCryptoBot.update(paymentId, "paid", 19_900, orderId);
        signed(update).expect(200);
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        String email = jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();
        // The node died right after committing the payment: its worker never ran. Another one starts.
        panel.acceptsNewClient(email);
        OutboxWorker restarted = new OutboxWorker(outboxTasks, handlers, transactions, outboxProperties, meters,
                Clock.systemUTC());

        outbox.run("key.push:" + keyId + ":", restarted);
        // CryptoBot, not having seen our 200 before the crash, sends the update again.
        signed(update).expect(200);

        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(panel.addClientCalls(email)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ?", paymentId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
    }

    @Test
    void unsignedWronglySignedAndAlteredUpdatesAreRefusedBeforeAnythingIsRead() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = buyWithCrypto(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId);
        String update = TestCryptoBot.update(paymentId, "paid", 19_900, orderId);
        String genuine = TestCryptoBot.signature(update, TestCryptoBot.TOKEN);

        send(update, null).problem(401, "webhook_signature_refused");
        send(update, TestCryptoBot.signature(update, "12345:AAanotherAppsToken")).problem(401,
                "webhook_signature_refused");
        send(update, "not-hex").problem(401, "webhook_signature_refused");
        // A captured update replayed with its body changed (here: only the whitespace) no longer matches.
        send(update.replace(",\"update_type\"", ", \"update_type\""), genuine).problem(401,
                "webhook_signature_refused");
        send(update.replace("\"amount\":\"199.00\"", "\"amount\":\"1.00\""), genuine).problem(401,
                "webhook_signature_refused");
        send("{not json", TestCryptoBot.signature("{not json", "wrong")).problem(401, "webhook_signature_refused");

        assertThat(TestCryptoBot.reads(paymentId)).as("a refused update makes no call").isZero();
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isZero();

        signed(update).expect(200);
        assertThat(db.paymentStatus(paymentId)).as("the genuine update still counts").isEqualTo("SUCCEEDED");
    }

    @Test
    void aSignedPaidUpdateForAnInvoiceTheApiCallsActiveChangesNothing() {
        JsonNode order = buyWithCrypto(shop.customer());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "active", 19_900, orderId);

        signed(TestCryptoBot.update(paymentId, "paid", 19_900, orderId)).expect(200);

        assertThat(TestCryptoBot.reads(paymentId)).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
        assertThat(db.orderStatus(orderId)).isEqualTo("OPEN");
    }

    @Test
    void aPaidInvoiceOfAnotherAmountOrOrderIsNotApplied() {
        JsonNode order = buyWithCrypto(shop.customer());
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "paid", 100, orderId);
        signed(TestCryptoBot.update(paymentId, "paid", 100, orderId)).expect(200);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");

        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId + 1);
        signed(TestCryptoBot.update(paymentId, "paid", 19_900, orderId + 1)).expect(200);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }

    @Test
    void anInvoiceThatLapsedExpiresItsOrderAndAPaidOneNobodyAnnouncedIsFoundByThePoll() {
        JsonNode lapsing = buyWithCrypto(shop.customer());
        long lapsedOrder = lapsing.get("id").asLong();
        long lapsedPayment = lapsing.get("payment").get("id").asLong();
        Shop.Customer buyer = shop.customer();
        JsonNode silent = buyWithCrypto(buyer);
        long silentOrder = silent.get("id").asLong();
        long silentPayment = silent.get("payment").get("id").asLong();
        jdbc.sql("UPDATE payments SET created_at = now() - interval '20 minutes', updated_at = now() - interval "
                + "'1 day' WHERE id IN (:ids)").param("ids", List.of(lapsedPayment, silentPayment)).update();
        TestCryptoBot.invoice(lapsedPayment, "expired", 19_900, lapsedOrder);
        TestCryptoBot.invoice(silentPayment, "paid", 19_900, silentOrder);

        checks.recheckStuck();

        assertThat(db.paymentStatus(lapsedPayment)).isEqualTo("EXPIRED");
        assertThat(db.orderStatus(lapsedOrder)).isEqualTo("EXPIRED");
        assertThat(db.paymentStatus(silentPayment)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
    }

    @Test
    void aCryptoPaymentIsRefundedToTheBalanceOnly() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = buyWithCrypto(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestCryptoBot.invoice(paymentId, "paid", 19_900, orderId);
        signed(TestCryptoBot.update(paymentId, "paid", 19_900, orderId)).expect(200);
        String refunds = "/api/v1/admin/payments/" + paymentId + "/refunds";

        assertThat(api.post(refunds, Map.of("reason", "asked for it back"), shop.admin()).problem(400,
                "validation_failed").toString()).contains("provider_has_no_refunds");
        api.post(refunds, Map.of("reason", "asked for it back", "toBalance", true), shop.admin()).expect(200);

        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(19_900);
    }

    @Test
    void theTestNetworkSwitchSendsInvoicesToCryptoBotsTestnet() {
        settings.put(ShopSettings.CRYPTOBOT_TESTNET, "true", Setting.ValueType.BOOL, "test");
        int before = TestCryptoBot.server().findAll(postRequestedFor(urlEqualTo("/testnet/api/createInvoice")))
                .size();
        buyWithCrypto(shop.customer());
        assertThat(TestCryptoBot.server().findAll(postRequestedFor(urlEqualTo("/testnet/api/createInvoice"))))
                .hasSize(before + 1);
    }

    @Test
    void withoutATokenCryptoBotIsNotOfferedAndNoUpdateCanBeVerified() {
        settings.put(ShopSettings.CRYPTOBOT_TOKEN, "", Setting.ValueType.STRING, "test");
        Shop.Customer buyer = shop.customer();
        assertThat(api.get("/api/v1/me/payment-methods?kind=NEW_KEY&planId=" + money.planId(), buyer.token())
                .expect(200).json().toString()).doesNotContain("CRYPTOBOT");
        String update = TestCryptoBot.update(1, "paid", 19_900, 1);
        send(update, TestCryptoBot.signature(update, "")).problem(401, "webhook_signature_refused");
    }
}
