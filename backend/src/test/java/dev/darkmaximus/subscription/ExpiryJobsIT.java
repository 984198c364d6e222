package dev.darkmaximus.subscription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.OutboxDriver;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/** Reminders go out once per key, expiry and offset, even from two schedulers at once; then through the bot. */
class ExpiryJobsIT extends PanelBackedTest {

    @Autowired
    ExpiryReminders reminders;
    @Autowired
    VpnKeyRepository keyRepository;
    @Autowired
    KeyQueries queries;
    @Autowired
    AutoRenewal renewal;
    @Autowired
    BalanceService balances;
    @Autowired
    NotificationService notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    KeyFormats keyFormats;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ObjectProvider<RenewalCharges> charges;

    private int sent(String dedupKey) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key = :k").param("k", dedupKey)
                .query(Integer.class).single();
    }

    @Test
    void eachOffsetFiresOnceEvenWithTwoSchedulersRunningTogether() throws Exception {
        Shop.Customer customer = shop.customer();
        Instant expiry = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, expiry, "OFF");
        ExpiryReminders otherNode = new ExpiryReminders(keyRepository, queries, renewal, balances, notifications,
                keyFormats, settings, transactions, events, charges, Clock.systemUTC());

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Integer>> runs = new ArrayList<>();
                for (ExpiryReminders node : List.of(reminders, otherNode)) {
                    runs.add(nodes.submit(() -> {
                        start.await();
                        return node.remind();
                    }));
                }
                for (Future<Integer> run : runs) {
                    run.get();
                }
            }
        } finally {
            nodes.shutdownNow();
        }

        String dayBefore = "expiry:" + keyId + ":" + expiry.getEpochSecond() + ":" + 86_400;
        assertThat(sent(dayBefore)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE dedup_key LIKE :k")
                .param("k", "expiry:" + keyId + ":%").query(Integer.class).single())
                .as("only the nearest offset (24 h), not 72 h as well").isEqualTo(1);
    }

    /** Issue 23: a fresh 3-day trial heard "expires in 3 days" seconds after "your key is ready". */
    @Test
    void aFreshKeyHearsNoReminderAsLongAsItsWholeTermButTheNextOneComes() {
        Shop.Customer customer = shop.customer();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = now.plus(72, ChronoUnit.HOURS);
        long keyId = shop.activeKey(customer.id(), hostId, null, expiry, "OFF");
        jdbc.sql("UPDATE vpn_keys SET starts_at = :s, trial = TRUE WHERE id = :id").param("s", Timestamp.from(now))
                .param("id", keyId).update();
        String prefix = "expiry:" + keyId + ":" + expiry.getEpochSecond() + ":";

        reminders.remind();
        assertThat(sent(prefix + 259_200)).as("no \"3 days left\" for a 3-day key").isZero();
        assertThat(reminders.remind()).as("and not picked again for it").isZero();

        ExpiryReminders dayBefore = new ExpiryReminders(keyRepository, queries, renewal, balances, notifications,
                keyFormats, settings, transactions, events, charges, Clock.fixed(expiry.minus(23, ChronoUnit.HOURS),
                        java.time.ZoneOffset.UTC));
        // Other tests' keys may be due at that hour too: runs until the window is worked through (500 a run).
        for (int run = 0; run < 10 && dayBefore.remind() > 0; run++) {
            // each run takes the next keys that still need their reminder
        }
        assertThat(sent(prefix + 86_400)).as("the day before, it is told").isEqualTo(1);
    }

    /**
     * Found by make bench over a million keys: with more keys in the reminder window than one run takes (500), each
     * run took the same soonest thousand, already reminded, and the rest waited until those left the window.
     */
    @Test
    void aWindowLargerThanOneRunIsWorkedThroughRunByRun() {
        long first = TestIds.telegramIds(1_005);
        long group = shop.readers(first, 1_005);
        Instant expiry = Instant.now().plus(60, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("""
                INSERT INTO vpn_keys (customer_id, host_id, number, panel_email, panel_client_uuid, subscription_id,
                                      status, starts_at, expires_at, auto_renew)
                SELECT m.customer_id, :host, 1, 'window-' || m.customer_id, gen_random_uuid(),
                       'win' || m.customer_id, 'ACTIVE', now() - interval '30 days',
                       CAST(:expiry AS timestamptz) + m.customer_id * interval '1 second', 'OFF'
                FROM customer_group_members m WHERE m.group_id = :group""")
                .param("host", hostId).param("expiry", Timestamp.from(expiry)).param("group", group).update();

        for (int run = 0; run < 6 && reminders.remind() > 0; run++) {
            // each run takes the next keys that still need their reminder
        }

        assertThat(jdbc.sql("""
                SELECT count(*) FROM vpn_keys k WHERE k.panel_email LIKE 'window-%' AND (SELECT count(*)
                FROM notifications n WHERE n.dedup_key LIKE 'expiry:' || k.id || ':%') = 1""")
                .query(Integer.class).single()).isEqualTo(1_005);
        assertThat(reminders.remind()).as("nothing left to remind").isZero();
    }

    @Test
    void aKeyPastItsExpiryIsMarkedExpiredOnceAndTheCustomerToldThroughTheBot() {
        Shop.Customer customer = shop.customer();
        Instant expiry = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        long keyId = shop.activeKey(customer.id(), hostId, null, expiry, "OFF");
        TestTelegram.server().stubFor(post(urlEqualTo("/bot" + InitData.TEST_BOT_TOKEN
                + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id",
                        equalTo(Long.toString(customer.telegramId()))))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":77}}")));

        reminders.expireDue();
        reminders.expireDue();

        assertThat(shop.status(keyId)).isEqualTo("EXPIRED");
        String dedup = "expiry:" + keyId + ":" + expiry.getEpochSecond() + ":0";
        assertThat(sent(dedup)).isEqualTo(1);
        long notificationId = jdbc.sql("SELECT id FROM notifications WHERE dedup_key = :k").param("k", dedup)
                .query(Long.class).single();
        new OutboxDriver(jdbc, worker).runTask("notification:" + notificationId);

        assertThat(jdbc.sql("SELECT status FROM notifications WHERE id = :id").param("id", notificationId)
                .query(String.class).single()).isEqualTo("SENT");
        TestTelegram.server().verify(1,
                postRequestedFor(urlEqualTo("/bot" + InitData.TEST_BOT_TOKEN
                + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id",
                        equalTo(Long.toString(customer.telegramId()))))
                .withRequestBody(matchingJsonPath("$.text",
                        WireMock.containing("has expired"))));
    }

    @Test
    void aCustomerWhoBlockedTheBotIsMarkedUnreachableAndNotRetried() {
        Shop.Customer customer = shop.customer();
        long keyId = shop.activeKey(customer.id(), hostId, null, Instant.now().plus(30, ChronoUnit.MINUTES), "OFF");
        TestTelegram.server().stubFor(post(urlEqualTo("/bot" + InitData.TEST_BOT_TOKEN
                + "/sendMessage")).withRequestBody(matchingJsonPath("$.chat_id",
                        equalTo(Long.toString(customer.telegramId()))))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));

        reminders.remind();
        long notificationId = jdbc.sql("SELECT id FROM notifications WHERE dedup_key LIKE :k")
                .param("k", "expiry:" + keyId + ":%").query(Long.class).single();
        new OutboxDriver(jdbc, worker).runTask("notification:" + notificationId);

        assertThat(jdbc.sql("SELECT status FROM notifications WHERE id = :id").param("id", notificationId)
                .query(String.class).single()).isEqualTo("SKIPPED");
        assertThat(jdbc.sql("SELECT reachable FROM customers WHERE id = :id").param("id", customer.id())
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT status FROM outbox_tasks WHERE dedup_key = :k")
                .param("k", "notification:" + notificationId).query(String.class).single()).isEqualTo("DONE");
    }
}
