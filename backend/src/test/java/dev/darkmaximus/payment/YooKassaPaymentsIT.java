package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxProperties;
import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * YooKassa end to end against a WireMock shaped like its API: the notification is only a hint, the API's answer is
 * what counts, and whatever arrives how often, a payment is credited once.
 */
class YooKassaPaymentsIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Autowired
    PaymentChecks checks;
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

    @Test
    void aHundredCopiesOfOneSucceededNotificationCreditOnceAndMakeOneKey() throws Exception {
        Shop.Customer referrer = shop.customer();
        Shop.Customer buyer = shop.customer("ref_" + shop.number(referrer.id()));
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        // 199 ₽ less the 5 % first-purchase discount of a referred customer.
        assertThat(order.get("amountMinor").asLong()).isEqualTo(18_905);
        assertThat(order.get("referralDiscountMinor").asLong()).isEqualTo(995);
        assertThat(order.get("payment").get("confirmationUrl").asString()).startsWith("https://yoomoney.ru/");
        TestYooKassa.payment(paymentId, "succeeded", 18_905, orderId);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(pool.submit(() -> money.notify("payment.succeeded", paymentId, "succeeded", 18_905,
                    orderId).status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.orderStatus(orderId)).isEqualTo("PAID");
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ? AND to_status = 'SUCCEEDED'",
                paymentId)).isEqualTo(1);
        assertThat(db.count("""
                SELECT count(*) FROM balance_entries WHERE reference_type = 'order' AND reference_id = ?
                  AND kind IN ('TOP_UP', 'PURCHASE')""", orderId)).isEqualTo(2);
        assertThat(db.balance(buyer.id(), "MAIN")).isZero();
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        // 10 % of 189.05 ₽, rounded down to the kopeck.
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ? AND kind = 'REFERRAL_REWARD'",
                referrer.id())).isEqualTo(1);
        assertThat(db.balance(referrer.id(), "REFERRAL")).isEqualTo(1_890);
        assertThat(db.count("SELECT count(*) FROM notifications WHERE dedup_key = ?",
                "payment:" + paymentId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE 'key.push:%' AND payload->>'keyId' = "
                + "(SELECT CAST(key_id AS text) FROM orders WHERE id = ?)", orderId)).isEqualTo(1);
        assertThat(db.count("SELECT total_spent_minor FROM customer_totals WHERE customer_id = ? AND currency = 'RUB'",
                buyer.id())).isEqualTo(18_905);

        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        panel.acceptsNewClient(email(keyId));
        outbox.run("key.push:" + keyId + ":");
        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(db.orderStatus(orderId)).isEqualTo("FULFILLED");
        JsonNode seen = api.get("/api/v1/orders/" + orderId, buyer.token()).expect(200).json();
        assertThat(seen.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(seen.get("keyId").asLong()).isEqualTo(keyId);

        // A second purchase has no first-purchase discount.
        JsonNode again = api.post("/api/v1/quotes", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method",
                "YOOKASSA"),
                buyer.token()).expect(200).json();
        assertThat(again.get("amountMinor").asLong()).isEqualTo(19_900);
        assertThat(again.get("referralDiscountMinor").asLong()).isZero();
    }

    @Test
    void aNotificationSayingSucceededIsIgnoredWhileTheApiSaysPending() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "pending", 19_900, orderId);

        money.notify("payment.succeeded", paymentId, "succeeded", 19_900, orderId).expect(200);

        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
        assertThat(db.orderStatus(orderId)).isEqualTo("OPEN");
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ?", buyer.id())).isZero();
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isZero();
    }

    @Test
    void aNotificationFromOutsideTheAllowListIsRefusedAndCreditsNothing() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 19_900, orderId);

        new Api(port, "203.0.113.9").postRaw("/api/v1/webhooks/yookassa",
                TestYooKassa.notification("payment.succeeded", paymentId, "succeeded", 19_900, orderId), null)
                .problem(403, "webhook_source_refused");

        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ?", buyer.id())).isZero();
    }

    @Test
    void aProviderAmountThatDiffersFromOursIsNotApplied() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 100, orderId);

        money.notify("payment.succeeded", paymentId, "succeeded", 100, orderId).expect(200);

        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }

    @Test
    void aProviderAnswerInACurrencyWeDontTakeIsAMismatchNotAnError() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long kopecks = order.get("amountMinor").asLong();
        TestYooKassa.server().stubFor(WireMock.get(
                urlEqualTo("/payments/" + TestYooKassa.providerId(paymentId))).atPriority(1).willReturn(
                WireMock.okJson(TestYooKassa.paymentJson(
                        TestYooKassa.providerId(paymentId), "succeeded", kopecks, orderId, paymentId)
                        .replace("\"RUB\"", "\"USD\""))));

        money.notify("payment.succeeded", paymentId, "succeeded", kopecks, orderId).expect(200);

        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }

    @Test
    void aCrashBetweenPaymentAndProvisioningStillEndsWithTheKeyAndNoSecondCredit() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.paidByCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        // The node died right after committing the payment: its worker never ran. Another one starts.
        panel.acceptsNewClient(email(keyId));
        OutboxWorker restarted = new OutboxWorker(outboxTasks, handlers, transactions, outboxProperties, meters,
                Clock.systemUTC());

        outbox.run("key.push:" + keyId + ":", restarted);
        // YooKassa, not having seen our 200 before the crash, sends the notification again.
        money.notify("payment.succeeded", paymentId, "succeeded", 19_900, orderId).expect(200);

        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");
        assertThat(panel.addClientCalls(email(keyId))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ?", paymentId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE reference_type = 'order' AND reference_id = ?",
                orderId)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
    }

    @Test
    void aProviderOutageAtCheckoutIsResumedWithTheSameKeysAndNoSecondPayment() {
        Shop.Customer buyer = shop.customer();
        var outage = TestYooKassa.server().stubFor(post(urlEqualTo("/payments")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"type\":\"error\",\"code\":\"internal_server_error\"}")));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA");

        api.post("/api/v1/orders", body, buyer.token(), Map.of("Idempotency-Key", key))
                .problem(502, "provider_unavailable");
        TestYooKassa.server().removeStub(outage);
        JsonNode order = money.order(buyer, body, key);

        long paymentId = order.get("payment").get("id").asLong();
        assertThat(order.get("payment").get("confirmationUrl").asString()).contains(TestYooKassa.providerId(paymentId));
        assertThat(db.count("SELECT count(*) FROM orders WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        // 3 tries during the outage and 1 after: all with the same Idempotence-Key, so YooKassa makes one payment.
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/payments"))
                .withHeader("Idempotence-Key", equalTo("dm-payment-" + paymentId)))).hasSize(4);
    }

    @Test
    void aPaymentWhoseCreationWasNeverAnsweredIsFoundByTheIdsYooKassaKeeps() {
        Shop.Customer buyer = shop.customer();
        // YooKassa made the payment, but its answer never reached us (503 from a proxy in front of it).
        var lost = TestYooKassa.server().stubFor(post(urlEqualTo("/payments")).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        api.post("/api/v1/orders", Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "YOOKASSA"),
                buyer.token(), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .problem(502, "provider_unavailable");
        TestYooKassa.server().removeStub(lost);
        long[] ids = jdbc.sql("SELECT o.id, p.id FROM orders o JOIN payments p ON p.order_id = o.id "
                + "WHERE o.customer_id = :c").param("c", buyer.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        TestYooKassa.payment(ids[1], "succeeded", 19_900, ids[0]);

        money.notify("payment.succeeded", ids[1], "succeeded", 19_900, ids[0]).expect(200);

        assertThat(db.paymentStatus(ids[1])).isEqualTo("SUCCEEDED");
        assertThat(jdbc.sql("SELECT provider_payment_id FROM payments WHERE id = :id").param("id", ids[1])
                .query(String.class).single()).isEqualTo(TestYooKassa.providerId(ids[1]));
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        // A notification about a payment YooKassa doesn't have (404 on reading it back) is taken and ignored.
        money.notify("payment.succeeded", 999_999_999L, "succeeded", 19_900, ids[0]).expect(200);
    }

    @Test
    void aStuckPendingPaymentIsPolledUntilTheProviderSaysItSucceeded() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        jdbc.sql("UPDATE payments SET created_at = now() - interval '20 minutes', updated_at = now() - interval '1 day' "
                + "WHERE id = :id").param("id", paymentId).update();
        TestYooKassa.payment(paymentId, "succeeded", 19_900, orderId);

        checks.recheckStuck();

        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM payment_transitions WHERE payment_id = ? AND source = 'poll'",
                paymentId))
                .isEqualTo(1);
    }

    @Test
    void anAdminRefundReturnsTheMoneyReversesTheRewardAndRevokesTheKey() {
        Shop.Customer referrer = shop.customer();
        Shop.Customer buyer = shop.customer("ref_" + shop.number(referrer.id()));
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 18_905, orderId);
        money.notify("payment.succeeded", paymentId, "succeeded", 18_905, orderId).expect(200);
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        panel.acceptsNewClient(email(keyId));
        outbox.run("key.push:" + keyId + ":");
        TestYooKassa.refundSucceeds(paymentId);
        JsonNode card = api.get("/api/v1/admin/payments/" + paymentId, shop.admin()).json().get("refundOptions");
        assertThat(card.get("refundableMinor").asLong()).isEqualTo(18_905);
        assertThat(card.get("toPayer").asBoolean()).isTrue();
        assertThat(card.get("toBalance").asBoolean()).isTrue();

        JsonNode refund = api.post("/api/v1/admin/payments/" + paymentId + "/refunds",
                Map.of("reason", "could not connect", "keyAction", "REVOKE"), shop.admin()).expect(200).json();

        assertThat(refund.get("refund").get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refund.get("refund").get("amountMinor").asLong()).isEqualTo(18_905);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("REFUNDED");
        assertThat(db.orderStatus(orderId)).isEqualTo("REFUNDED");
        assertThat(db.balance(referrer.id(), "REFERRAL")).isZero();
        assertThat(shop.status(keyId)).isEqualTo("REVOKED");
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/refunds"))
                .withHeader("Idempotence-Key", equalTo("dm-refund-" + refund.get("refund").get("id").asLong()))))
                .hasSize(1);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'refund.complete' AND object_id = ?",
                Long.toString(paymentId))).isEqualTo(1);
        // Nothing is left to refund, and the server says so before anyone tries.
        JsonNode nothing = api.get("/api/v1/admin/payments/" + paymentId, shop.admin()).json().get("refundOptions");
        assertThat(nothing.get("refundableMinor").asLong()).isZero();
        api.post("/api/v1/admin/payments/" + paymentId + "/refunds", Map.of("reason", "again"), shop.admin())
                .problem(409, "not_refundable");
    }

    @Test
    void aTopUpRefundedToTheCardLeavesTheBalanceAndCantBeRefundedToTheBalanceOrOnceSpent() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.order(buyer, Map.of("kind", "TOP_UP", "amountMinor", 30_000, "method", "YOOKASSA"),
                "tu-1");
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        TestYooKassa.payment(paymentId, "succeeded", 30_000, orderId);
        money.notify("payment.succeeded", paymentId, "succeeded", 30_000, orderId).expect(200);
        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(30_000);
        String refunds = "/api/v1/admin/payments/" + paymentId + "/refunds";

        // the top-up is balance money already: back to the balance would credit it twice; the server says so up front
        JsonNode options = api.get("/api/v1/admin/payments/" + paymentId, shop.admin()).expect(200).json()
                .get("refundOptions");
        assertThat(options.get("refundableMinor").asLong()).isEqualTo(30_000);
        assertThat(options.get("toPayer").asBoolean()).isTrue();
        assertThat(options.get("toBalance").asBoolean()).isFalse();
        JsonNode twice = api.post(refunds, Map.of("reason", "x", "toBalance", true), shop.admin())
                .problem(400, "validation_failed");
        assertThat(twice.get("errors").get(0).get("code").asString()).isEqualTo("already_on_balance");

        TestYooKassa.refundSucceeds(paymentId);
        api.post(refunds, Map.of("amountMinor", 10_000, "reason", "asked for part back"), shop.admin()).expect(200);
        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(20_000);
        assertThat(api.get("/api/v1/admin/payments/" + paymentId, shop.admin()).json().get("refundOptions")
                .get("refundableMinor").asLong()).isEqualTo(20_000);

        // spend most of the rest: the card can't get back what the balance no longer has
        api.post("/api/v1/admin/customers/" + buyer.id() + "/balance-adjustments",
                Map.of("amountMinor", -15_000, "reason", "spent on a key"), shop.admin()).expect(200);
        JsonNode spent = api.post(refunds, Map.of("reason", "the rest"), shop.admin()).problem(409, "balance_spent");
        assertThat(spent.get("detail").asString()).contains("50 ₽");
        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(5_000);
        assertThat(db.count("SELECT count(*) FROM refunds WHERE payment_id = ?", paymentId)).isEqualTo(1);

        TestYooKassa.refundSucceeds(paymentId, "rf-" + paymentId + "-2");
        api.post(refunds, Map.of("amountMinor", 5_000, "reason", "what is left"), shop.admin()).expect(200);
        assertThat(db.balance(buyer.id(), "MAIN")).isZero();
    }

    @Test
    void aRefundYooKassaFinishesLaterIsSettledByTheRecheckJobOnceItSucceedsOrIsCanceled() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.paidByCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long keyId = db.count("SELECT key_id FROM orders WHERE id = ?", orderId);
        panel.acceptsNewClient(email(keyId));
        outbox.run("key.push:" + keyId + ":");
        String refunds = "/api/v1/admin/payments/" + paymentId + "/refunds";

        // Canceled by the bank later: the refund fails and the payment can be refunded again.
        TestYooKassa.refundPending(paymentId, "rf-" + paymentId + "-late-1");
        assertThat(api.post(refunds, Map.of("reason", "no connection", "keyAction", "REVOKE"), shop.admin())
                .expect(200).json().get("refund").get("status").asString()).isEqualTo("PENDING");
        assertThat(refundService.settlePending()).isZero(); // still pending at YooKassa
        TestYooKassa.refundIs("rf-" + paymentId + "-late-1", paymentId, "canceled", "rejected_by_payee");
        refundService.settlePending();
        assertThat(jdbc.sql("SELECT status || ':' || error FROM refunds WHERE provider_refund_id = :id")
                .param("id", "rf-" + paymentId + "-late-1").query(String.class).single())
                .isEqualTo("FAILED:canceled by the provider: rejected_by_payee");
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(shop.status(keyId)).isEqualTo("ACTIVE");

        // Succeeded later: booked, the order refunded and the admin's key action done, once.
        TestYooKassa.refundPending(paymentId, "rf-" + paymentId + "-late-2");
        api.post(refunds, Map.of("reason", "no connection", "keyAction", "REVOKE"), shop.admin()).expect(200);
        TestYooKassa.refundIs("rf-" + paymentId + "-late-2", paymentId, "succeeded", null);
        assertThat(refundService.settlePending()).isEqualTo(1);
        assertThat(refundService.settlePending()).isZero();
        assertThat(db.paymentStatus(paymentId)).isEqualTo("REFUNDED");
        assertThat(db.orderStatus(orderId)).isEqualTo("REFUNDED");
        assertThat(shop.status(keyId)).isEqualTo("REVOKED");
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'refund.complete' AND object_id = ?",
                Long.toString(paymentId))).isEqualTo(1);
    }

    @Autowired
    RefundService refundService;

    @Test
    void aRefundTheProviderCouldNotConfirmIsRetriedAsTheSameRefund() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.paidByCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        var outage = TestYooKassa.server().stubFor(post(urlEqualTo("/refunds")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));

        api.post("/api/v1/admin/payments/" + paymentId + "/refunds", Map.of("amountMinor", 5_000, "reason", "partial"),
                shop.admin()).problem(502, "provider_unavailable");
        TestYooKassa.server().removeStub(outage);
        TestYooKassa.refundSucceeds(paymentId);
        JsonNode retried = api.post("/api/v1/admin/payments/" + paymentId + "/refunds",
                Map.of("amountMinor", 5_000, "reason", "partial"), shop.admin()).expect(200).json();

        long refundId = retried.get("refund").get("id").asLong();
        assertThat(db.count("SELECT count(*) FROM refunds WHERE payment_id = ?", paymentId)).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(db.count("SELECT refunded_minor FROM payments WHERE id = ?", paymentId)).isEqualTo(5_000);
        assertThat(TestYooKassa.server().findAll(postRequestedFor(urlEqualTo("/refunds"))
                .withHeader("Idempotence-Key", equalTo("dm-refund-" + refundId)))).hasSize(4);
    }

    @Test
    void anExtensionPaidAfterItsKeyWasRevokedGoesToTheBalance() {
        Shop.Customer buyer = shop.customer();
        long keyId = shop.activeKey(buyer.id(), hostId, money.planId(), Instant.now().plusSeconds(86_400),
                "OFF");
        JsonNode order = money.order(buyer, Map.of("kind", "EXTEND_KEY", "keyId", keyId, "method", "YOOKASSA"),
                "ext-1");
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        jdbc.sql("UPDATE vpn_keys SET status = 'REVOKED' WHERE id = :id").param("id", keyId).update();
        TestYooKassa.payment(paymentId, "succeeded", 19_900, orderId);

        money.notify("payment.succeeded", paymentId, "succeeded", 19_900, orderId).expect(200);

        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.orderStatus(orderId)).isEqualTo("FULFILLED");
        assertThat(db.balance(buyer.id(), "MAIN")).isEqualTo(19_900);
        assertThat(db.count("SELECT count(*) FROM balance_entries WHERE customer_id = ? AND kind = 'PURCHASE'",
                buyer.id()))
                .isZero();
    }

    private String email(long keyId) {
        return jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id",
                keyId).query(String.class).single();
    }
}
