package dev.darkmaximus.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.notify.persistence.BroadcastStore;
import dev.darkmaximus.platform.jobs.JobLeases;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * A batch that takes longer than a lease (Telegram answering slowly, a flood wait) keeps its claims fresh while it
 * waits, so another node's look for a dead node's claims finds none and nothing is reported interrupted that was in
 * fact being sent. A runner with a 1 s lease (claims touched every third of it, so a loaded machine may starve the
 * runner for over half a second without a false alarm) against a Telegram that takes 4 s per message.
 */
class BroadcastKeepAliveIT extends PanelBackedTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    @Autowired
    BroadcastStore store;
    @Autowired
    BroadcastService broadcasts;
    @Autowired
    BroadcastMessages messages;
    @Autowired
    SendQueue sendQueue;
    @Autowired
    CustomerService customers;
    @Autowired
    AdminAlerts alerts;
    @Autowired
    JobLeases leases;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aSlowBatchKeepsItsClaimsSoNoOtherNodeTakesThemForADeadNodes() throws Exception {
        String marker = "slow-" + UUID.randomUUID();
        TestTelegram.server().stubFor(post(urlMatching("(?i)/bot" + InitData.TEST_BOT_TOKEN + "/sendMessage"))
                .atPriority(2).withRequestBody(containing(marker))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77,\"date\":1764000000,"
                        + "\"chat\":{\"id\":1,\"type\":\"private\"}}}").withFixedDelay(4_000)));
        long group = shop.readers(TestIds.telegramIds(5), 5);
        long id = api.post("/api/v1/admin/broadcasts", Map.of("text", "News " + marker, "audience",
                Map.of("kind", "GROUP", "groupId", group)), shop.admin()).expect(201).json().path("id").asLong();
        api.post("/api/v1/admin/broadcasts/" + id + "/schedule", Map.of(), shop.admin()).expect(200);
        BroadcastRunner shortLease = new BroadcastRunner(store, broadcasts, messages, sendQueue, customers, alerts,
                leases, tx, Clock.systemUTC(), 100, LEASE, false);

        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(shortLease::runOnce);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(id, "SENDING") == 0) {
            assertThat(System.nanoTime()).as("the batch was claimed").isLessThan(deadline);
            Thread.sleep(20);
        }
        // Well past a lease into the batch, as another node would look for a dead node's claims.
        Thread.sleep(LEASE.multipliedBy(2).toMillis());
        int takenForDead = store.settleAbandoned(Instant.now().minus(LEASE));
        running.get();

        assertThat(takenForDead).isZero();
        assertThat(count(id, "SENT")).isEqualTo(5);
        assertThat(count(id, "INTERRUPTED")).isZero();
    }

    private long count(long broadcast, String status) {
        return jdbc.sql("SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = :b AND status = :s")
                .param("b", broadcast).param("s", status).query(Long.class).single();
    }
}
