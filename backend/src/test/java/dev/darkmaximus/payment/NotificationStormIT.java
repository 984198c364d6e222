package dev.darkmaximus.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Racers;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * YooKassa's notifications without needless reads (SPEC §5.4, issue 24): one about a payment already final is
 * answered from the database; a storm of duplicates shares one read and fulfils the order once; a copy arriving
 * while that read is under way is taken at once, and a read that fails is queued to run again; a different event is
 * never taken for a copy; a payment still open is read every time.
 */
class NotificationStormIT extends PanelBackedTest {

    private Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    @Test
    void aNotificationAboutAPaidPaymentIsAnsweredWithoutAskingYooKassa() {
        JsonNode order = money.paidByCard(shop.customer());
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        int before = TestYooKassa.reads(paymentId);

        money.notify("payment.succeeded", paymentId, "succeeded", amount, order.get("id").asLong()).expect(200);
        money.notify("payment.canceled", paymentId, "canceled", amount, order.get("id").asLong()).expect(200);

        assertThat(TestYooKassa.reads(paymentId)).isEqualTo(before);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aHundredDuplicatesArrivingTogetherShareOneReadAndPayOnce() {
        Shop.Customer buyer = shop.customer();
        Purchases.CardOrder order = money.openCardOrder(buyer);
        long paymentId = order.paymentId();
        TestYooKassa.payment(paymentId, "succeeded", order.amount(), order.orderId());
        List<Api.Response> answers = Racers.race(100,
                () -> money.notify(order, "payment.succeeded", "succeeded"));
        assertThat(answers).extracting(Api.Response::status).containsOnly(200);
        assertThat(TestYooKassa.reads(paymentId)).as("YooKassa asked once per node at most").isBetween(1, 2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", buyer.id())).isEqualTo(1);
        assertThat(db.balance(buyer.id(), "MAIN")).as("nothing credited twice").isZero();
    }

    @Test
    void aPaymentStillOpenIsReadEveryTime() {
        Purchases.CardOrder order = money.openCardOrder(shop.customer());
        long paymentId = order.paymentId();
        TestYooKassa.payment(paymentId, "pending", order.amount(), order.orderId());

        money.notify(order, "payment.succeeded", "succeeded").expect(200);
        money.notify(order, "payment.succeeded", "succeeded").expect(200);

        assertThat(TestYooKassa.reads(paymentId)).as("a claim is never applied unread").isEqualTo(2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
    }

    @Test
    void aCopyArrivingDuringTheReadIsTakenAtOnceAndAFailedReadIsCheckedAgain() {
        Purchases.CardOrder order = money.openCardOrder(shop.customer());
        long paymentId = order.paymentId();
        int before = TestYooKassa.reads(paymentId);
        // YooKassa takes its time, then refuses (a 401 is not retried, and the delay is well inside the 3 s read
        // timeout): the first copy's check is under way while the second arrives.
        TestYooKassa.server().stubFor(get(urlEqualTo("/payments/" + TestYooKassa.providerId(paymentId)))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"type\":\"error\",\"code\":\"invalid_credentials\"}").withFixedDelay(2_000)));

        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(
                () -> money.notify(order, "payment.succeeded", "succeeded"));
        awaitReads(paymentId, before + 1);
        money.notify(order, "payment.succeeded", "succeeded").expect(200);
        assertThat(first).as("the copy did not wait for the read").isNotDone();

        first.join().problem(503, "provider_unavailable");
        assertThat(TestYooKassa.reads(paymentId)).as("the copy was not read for").isEqualTo(before + 1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("PENDING");
        // YooKassa resends the one answered 503, and it fails again: still one task to check it again.
        money.notify(order, "payment.succeeded", "succeeded").problem(503, "provider_unavailable");
        assertThat(db.count("SELECT count(*) FROM outbox_tasks WHERE dedup_key LIKE ?",
                PaymentChecks.RETRY + ":" + paymentId + ":%")).isEqualTo(1);

        // The copy answered 200 may have been YooKassa's last word: the failed check is queued to run again, and
        // does once YooKassa answers (the outbox's retries: 10 s, doubling).
        TestYooKassa.payment(paymentId, "succeeded", order.amount(), order.orderId());
        assertThat(outbox.run(PaymentChecks.RETRY + ":" + paymentId + ":")).isEqualTo(1);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
        assertThat(outbox.status(PaymentChecks.RETRY + ":" + paymentId + ":")).isEqualTo("DONE");
    }

    @Test
    void aDifferentEventArrivingDuringTheReadIsReadAgain() {
        Purchases.CardOrder order = money.openCardOrder(shop.customer());
        long paymentId = order.paymentId();
        int before = TestYooKassa.reads(paymentId);
        TestYooKassa.server().stubFor(get(urlEqualTo("/payments/" + TestYooKassa.providerId(paymentId)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(TestYooKassa.paymentJson(TestYooKassa.providerId(paymentId), "waiting_for_capture",
                                order.amount(), order.orderId(), paymentId))
                        .withFixedDelay(1_000)));

        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> money.notify(order,
                "payment.waiting_for_capture", "waiting_for_capture"));
        awaitReads(paymentId, before + 1);
        // Paid meanwhile: YooKassa's read already under way answers the older state; this event must be read anew.
        TestYooKassa.payment(paymentId, "succeeded", order.amount(), order.orderId());
        money.notify(order, "payment.succeeded", "succeeded").expect(200);
        first.join().expect(200);

        assertThat(TestYooKassa.reads(paymentId)).isEqualTo(before + 2);
        assertThat(db.paymentStatus(paymentId)).isEqualTo("SUCCEEDED");
    }

    /** Until YooKassa has been asked about the payment {@code count} times in all (a request under way counts). */
    private static void awaitReads(long paymentId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (TestYooKassa.reads(paymentId) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("YooKassa was not asked about payment " + paymentId);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
