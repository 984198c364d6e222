package dev.darkmaximus.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;
import dev.darkmaximus.testsupport.TestYooKassa;

/**
 * One node, as {@code make run} or a cluster that lost a node: its jobs run on the node's own scheduler at their
 * production intervals (the outbox every second, broadcasts every 5 s), while a 2,000-recipient broadcast to a slow
 * Telegram keeps the broadcast runner busy for tens of seconds. A card payment made meanwhile still becomes an active
 * key and a payment message within seconds, as it does with no broadcast (measured first, in the same run). With one
 * shared scheduler thread the key waited for the broadcast's turn to end.
 */
class LatencyDuringBroadcastIT extends PanelBackedTest {

    Purchases money;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
    }

    private static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;
    /** Each broadcast message takes Telegram this long to answer: 20 batches of 100 take 20 s or more. */
    private static final int TELEGRAM_MILLIS = 1_000;
    private static final int RECIPIENTS = 2_000;

    @Autowired
    TaskScheduler scheduler;
    @Autowired
    BroadcastRunner runner;

    @Test
    void aPaymentDuringALargeBroadcastIsFulfilledAndConfirmedAsFastAsWithout() {
        String marker = "slow-broadcast-" + UUID.randomUUID();
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendMessage")).atPriority(2)
                .withRequestBody(containing(marker))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764000000,"
                        + "\"chat\":{\"id\":1,\"type\":\"private\"}}}").withFixedDelay(TELEGRAM_MILLIS)));
        long group = shop.readers(TestIds.telegramIds(RECIPIENTS), RECIPIENTS);
        long broadcast = api.post("/api/v1/admin/broadcasts", Map.of("text", "News " + marker,
                "audience", Map.of("kind", "GROUP", "groupId", group)), shop.admin()).expect(201).json()
                .path("id").asLong();

        List<ScheduledFuture<?>> jobs = new ArrayList<>();
        jobs.add(scheduler.scheduleWithFixedDelay(worker::runOnce, Duration.ofSeconds(1)));
        try {
            Duration baseline = payAndAwaitKeyAndMessage();

            api.post("/api/v1/admin/broadcasts/" + broadcast + "/schedule", Map.of(), shop.admin()).expect(200);
            jobs.add(scheduler.scheduleWithFixedDelay(runner::runTurn, Duration.ofSeconds(5)));
            awaitSending(broadcast);
            Duration duringBroadcast = payAndAwaitKeyAndMessage();
            JsonNode progress = api.get("/api/v1/admin/broadcasts/" + broadcast, shop.admin()).json().path("progress");

            System.out.printf("Key and payment message after a card payment: %d ms alone, %d ms during a %d-recipient "
                    + "broadcast (%d of them still to go)%n", baseline.toMillis(), duringBroadcast.toMillis(),
                    RECIPIENTS, progress.path("pending").asLong() + progress.path("sending").asLong());
            assertThat(progress.path("pending").asLong()).as("the broadcast was still going").isPositive();
            // One shared scheduler thread made the key wait for the whole broadcast turn (tens of seconds here).
            assertThat(duringBroadcast).isLessThan(baseline.multipliedBy(3).plusSeconds(5));
        } finally {
            jobs.forEach(job -> job.cancel(false));
            api.post("/api/v1/admin/broadcasts/" + broadcast + "/cancel", Map.of(), shop.admin());
        }
    }

    /** Pays an order by card (YooKassa's webhook) and times it until the key is active and the customer was told. */
    private Duration payAndAwaitKeyAndMessage() {
        Shop.Customer buyer = shop.customer();
        JsonNode order = money.buyWithCard(buyer);
        long orderId = order.get("id").asLong();
        long paymentId = order.get("payment").get("id").asLong();
        long amount = order.get("amountMinor").asLong();
        TestYooKassa.payment(paymentId, "succeeded", amount, orderId);
        long start = System.nanoTime();
        money.notify("payment.succeeded", paymentId, "succeeded", amount, orderId).expect(200);
        long deadline = start + Duration.ofSeconds(90).toNanos();
        while (!(keyActive(buyer) && told(buyer))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no active key and payment message 90 s after the payment");
            }
            pause();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private boolean keyActive(Shop.Customer buyer) {
        return db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ? AND status = 'ACTIVE'", buyer.id()) > 0;
    }

    private static boolean told(Shop.Customer buyer) {
        return !TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BOT + "/send(Message|Photo)"))
                .withRequestBody(matching("(?s).*\"chat_id\":\"?" + buyer.telegramId() + "\"?[,}].*"))).isEmpty();
    }

    private void awaitSending(long broadcast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (db.count("SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = ? AND status <> 'PENDING'",
                broadcast) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the broadcast did not start");
            }
            pause();
        }
    }

    /** Polling interval while waiting for what the test needs to see (never a fixed wait for an outcome). */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
