package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.bench.BenchReport;
import dev.darkmaximus.subscription.persistence.SyncReport;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.XuiPanelStub;

/**
 * `make bench`, scale: the key jobs over a million keys (each run timed, each scan's plan shown with EXPLAIN) and a
 * sync of a panel holding 50,000 clients. The SQL explained is read from the repository's own @Query annotations,
 * so the plans are those of the queries the jobs run.
 */
@Tag("bench")
class KeyScaleBenchmark extends PanelBackedTest {

    private static final int CUSTOMERS = 100_000;
    private static final int KEYS_PER_CUSTOMER = 10;
    private static final int DUE_NOW = 200;
    private static final int SYNC_CLIENTS = 50_000;

    @Autowired
    ExpiryReminders reminders;
    @Autowired
    AutoRenewal renewal;
    @Autowired
    GraceCleanup grace;
    @Autowired
    KeySync sync;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void keyJobsOverAMillionKeysAndASyncOfFiftyThousandClients() throws Exception {
        long start = System.nanoTime();
        long firstTelegramId = 5_000_000_000L;
        jdbc.sql("""
                INSERT INTO customers (telegram_id, username, first_name, language)
                SELECT :first + i, 'scale' || i, 'Scale', 'en' FROM generate_series(0, :count - 1) AS i""")
                .param("first", firstTelegramId).param("count", CUSTOMERS).update();
        long firstCustomer = jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", firstTelegramId)
                .query(Long.class).single();
        // Three in ten keys expired long ago (what a shop piles up), the rest live with expiries over the next year,
        // and DUE_NOW live keys whose expiry has just passed: what one run of the expiry job finds.
        jdbc.sql("""
                INSERT INTO vpn_keys (customer_id, host_id, number, panel_email, panel_client_uuid, subscription_id,
                                      status, expires_at, starts_at)
                SELECT :firstCustomer + i / :perCustomer, :host, i % :perCustomer + 1, 'scale-' || i,
                       md5('scale-' || i)::uuid, 'sc' || i,
                       CASE WHEN i % 10 < 3 THEN 'EXPIRED' ELSE 'ACTIVE' END,
                       CASE WHEN i < :due THEN now() - interval '30 seconds'
                            WHEN i % 10 < 3 THEN now() - (1 + i % 400) * interval '1 day'
                            ELSE now() + interval '1 hour' + (i % 525600) * interval '1 minute' END,
                       now() - interval '30 days'
                FROM generate_series(0, :count - 1) AS i""")
                .param("firstCustomer", firstCustomer).param("perCustomer", KEYS_PER_CUSTOMER).param("host", hostId)
                .param("due", DUE_NOW).param("count", CUSTOMERS * KEYS_PER_CUSTOMER).update();
        jdbc.sql("ANALYZE vpn_keys").update();
        long keys = db.count("SELECT count(*) FROM vpn_keys");
        BenchReport.line("### Key jobs over %,d keys (%,d customers; set up in %.0f s)", keys, CUSTOMERS,
                BenchReport.seconds(start));
        BenchReport.line("");
        BenchReport.line("| job run | time | rows it acted on |");
        BenchReport.line("|---|---:|---:|");
        timed("expiry: flip the keys past their expiry", reminders::expireDue);
        timed("reminders, first run (queues up to 500 reminders)", reminders::remind);
        timed("reminders, second run (the next keys in the window)", reminders::remind);
        while (reminders.remind() > 0) {
            // works through the window, as the runs every 5 minutes do
        }
        timed("reminders, a run once the window is worked through", reminders::remind);
        timed("auto-renewal", renewal::runOnce);
        timed("grace clean-up (200 per run)", grace::runOnce);
        Instant now = Instant.now();
        explain("expireDue", Map.of("now", now));
        explain("findNeedingReminder", Map.of("now", now, "until", now.plus(3, ChronoUnit.DAYS),
                "offsetSeconds", "259200,86400,3600", "limit", 1000));
        explain("findExpiringBetween", Map.of("since", now, "until", now.plus(1, ChronoUnit.DAYS), "limit", 500));
        explain("findExpiredBefore", Map.of("cutoff", now.minus(30, ChronoUnit.DAYS), "limit", 200));

        syncOfFiftyThousandClients(firstCustomer);
    }

    private void syncOfFiftyThousandClients(long firstCustomer) throws Exception {
        XuiPanelStub big = new XuiPanelStub().start();
        try {
            long host = shop.host(big);
            Instant expiry = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            List<Map<String, Object>> clients = new ArrayList<>(SYNC_CLIENTS);
            for (int i = 0; i < SYNC_CLIENTS; i++) {
                clients.add(Map.of("email", "sync-" + i, "id", uuid("sync-" + i).toString(), "subId", "ss" + i,
                        "expiryTime", expiry.toEpochMilli(), "enable", true, "totalGB", 0));
            }
            big.listsClients(clients);
            jdbc.sql("""
                    INSERT INTO vpn_keys (customer_id, host_id, number, panel_email, panel_client_uuid, subscription_id,
                                          status, expires_at, starts_at)
                    SELECT :firstCustomer + i / 5, :host, 100 + i % 5, 'sync-' || i, md5('sync-' || i)::uuid,
                           'ss' || i, 'ACTIVE', :expiry, now() - interval '1 day'
                    FROM generate_series(0, :count - 1) AS i""")
                    .param("firstCustomer", firstCustomer).param("host", host).param("expiry", Timestamp.from(expiry))
                    .param("count", SYNC_CLIENTS).update();
            long heapBefore = BenchReport.liveHeapMegabytes();
            long t0 = System.nanoTime();
            SyncReportView first;
            try (BenchReport.HeapSampler heap = new BenchReport.HeapSampler(500, () -> { })) {
                first = sync.syncHost(host, SyncReport.Trigger.MANUAL);
                heap.close();
                BenchReport.line("");
                BenchReport.line("### Sync of a 3x-ui panel with %,d clients", SYNC_CLIENTS);
                BenchReport.line("");
                BenchReport.line("First run (records every client's traffic): %.1f s, %s; live heap %d MB before, "
                                + "at most %d MB during (sampled every 0.5 s after a full GC)",
                        BenchReport.seconds(t0), summary(first), heapBefore,
                        heap.samples().stream().mapToLong(Long::longValue).max().orElse(0));
            }
            long t1 = System.nanoTime();
            SyncReportView second = sync.syncHost(host, SyncReport.Trigger.MANUAL);
            BenchReport.line("Next run (nothing changed on the panel): %.1f s, %s", BenchReport.seconds(t1),
                    summary(second));
            assertThat(first.panelClients()).isEqualTo(SYNC_CLIENTS);
        } finally {
            big.stop();
        }
    }

    private static String summary(SyncReportView report) {
        return String.format(Locale.ROOT, "%,d clients read, %,d keys checked, %,d updated, "
                        + "%,d missing, %,d orphans", report.panelClients(), report.keysChecked(), report.keysUpdated(), report.keysMissing(), report.orphans());
    }

    private void timed(String what, IntSupplier job) {
        long t0 = System.nanoTime();
        int rows = job.getAsInt();
        BenchReport.line("| %s | %.0f ms | %,d |", what, BenchReport.seconds(t0) * 1000, rows);
    }

    /** EXPLAIN ANALYZE of the repository method's own SQL, rolled back (an UPDATE explained is an UPDATE run). */
    private void explain(String repositoryMethod, Map<String, Object> params) {
        String sql = null;
        for (Method method : VpnKeyRepository.class.getMethods()) {
            if (method.getName().equals(repositoryMethod)) {
                sql = method.getAnnotation(Query.class).value();
            }
        }
        String query = sql;
        List<String> plan = transactions.execute(tx -> {
            tx.setRollbackOnly();
            Map<String, Object> bound = new HashMap<>();
            params.forEach((k, v) -> bound.put(k, v instanceof Instant i ? Timestamp.from(i) : v));
            return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + query).params(bound).query(String.class).list();
        });
        BenchReport.line("");
        BenchReport.line("`VpnKeyRepository.%s`:", repositoryMethod);
        BenchReport.plan(plan);
    }

    /** The UUID PostgreSQL makes of md5(text)::uuid. */
    private static UUID uuid(String text) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }
}
