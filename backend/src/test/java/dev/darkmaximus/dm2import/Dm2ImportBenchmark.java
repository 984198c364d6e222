package dev.darkmaximus.dm2import;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.bench.BenchReport;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.TestIds;

/**
 * `make bench`, scale: the biggest DM2 shops (issue 20): 100,000 customers, 150,000 keys and 300,000 paid
 * transactions, built from DM2's own schema, imported with one apply, with the live heap sampled throughout.
 */
@Tag("bench")
class Dm2ImportBenchmark extends PanelBackedTest {

    /** The size; {@code -Dbench.dm2.customers} for a quicker look (keys and payments scale with it). */
    private static final int CUSTOMERS = Integer.getInteger("bench.dm2.customers", 100_000);
    private static final int KEYS = CUSTOMERS * 3 / 2;
    private static final int TRANSACTIONS = CUSTOMERS * 3;

    @Autowired
    Dm2Importer importer;
    @TempDir
    Path dir;

    @Test
    void theBiggestShopsImportInUnderTwoMinutes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Dm2Database dm2 = new Dm2Database(dir.resolve("users.db"));
        long first = TestIds.telegramIds(CUSTOMERS);
        long t0 = System.nanoTime();
        fill(dm2.file(), tag, first);
        double built = BenchReport.seconds(t0);

        // What an operator runs first: the whole import in one transaction, rolled back.
        long t2 = System.nanoTime();
        if (Boolean.parseBoolean(System.getProperty("bench.dm2.dry", "true"))) {
            Dm2Report dry = importer.run(dm2.file(), new Dm2Importer.Options(false, ZoneOffset.UTC, false));
            assertThat(dry.tally("payments").imported()).isEqualTo(TRANSACTIONS);
        }
        double drySeconds = BenchReport.seconds(t2);

        long t1 = System.nanoTime();
        Dm2Report report;
        List<Long> samples;
        try (BenchReport.HeapSampler heap = new BenchReport.HeapSampler(5_000, () -> { })) {
            report = importer.run(dm2.file(), new Dm2Importer.Options(true, ZoneOffset.UTC, false));
            heap.close();
            samples = heap.samples();
        }
        double seconds = BenchReport.seconds(t1);

        BenchReport.line("");
        BenchReport.line("### Importing a Dark Maximus 2 shop");
        BenchReport.line("");
        BenchReport.line("| what | figure | goal (issue 20) |");
        BenchReport.line("|---|---|---|");
        BenchReport.line("| apply: %,d customers, %,d keys, %,d paid transactions (DM2 file built in %.0f s) | "
                        + "%.0f s (%,.0f records/s) | under 120 s |", CUSTOMERS, KEYS, TRANSACTIONS, built, seconds,
                (CUSTOMERS + KEYS + TRANSACTIONS) / seconds);
        BenchReport.line("| dry run of the same (one transaction, rolled back) | %.0f s | — |", drySeconds);
        BenchReport.line("| live heap while importing (after a full GC, every 5 s; %d samples) | %d → %d MB, at most "
                        + "%d MB | flat |", samples.size(), samples.getFirst(), samples.getLast(),
                samples.stream().mapToLong(Long::longValue).max().orElse(0));
        BenchReport.line("");
        BenchReport.line("Live heap samples (MB): %s", samples);
        assertThat(report.tally("customers").imported()).isEqualTo(CUSTOMERS);
        assertThat(report.tally("keys").imported()).isEqualTo(KEYS);
        assertThat(report.tally("payments").imported()).isEqualTo(TRANSACTIONS);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM orders o JOIN vpn_keys k ON k.id = o.key_id
                        WHERE o.kind = 'EXTEND_KEY' AND o.idempotency_key LIKE :t AND k.panel_email LIKE :e""")
                .param("t", "dm2:" + tag + "-%").param("e", "b" + tag + "-%").query(Long.class).single())
                .isEqualTo(TRANSACTIONS / 2);
    }

    /** One host, three plans; every customer with a balance, one or two keys and three payments, some extensions. */
    private void fill(Path file, String tag, long first) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            String host = "🇳🇱 Bench " + tag;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO xui_hosts VALUES (?, ?, 'admin', 'pw', 1, ?)")) {
                s.setString(1, host);
                s.setString(2, "https://bench.example.net:2053/p");
                s.setString(3, "bench" + tag);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO plans (plan_id, host_name, plan_name, months, price) VALUES (?, ?, ?, ?, ?)")) {
                for (int p = 1; p <= 3; p++) {
                    s.setInt(1, p);
                    s.setString(2, host);
                    s.setString(3, p + " мес");
                    s.setInt(4, p);
                    s.setDouble(5, 149.9 * p);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO users (telegram_id, user_id, username, fullname, balance, referral_balance,
                                       registration_date, referred_by) VALUES (?, ?, ?, ?, ?, ?, '2024-01-01 10:00:00', ?)""")) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    s.setLong(1, first + i);
                    s.setLong(2, first + i); // DM2 numbers: unique here as the Telegram ids are
                    s.setString(3, "u" + i);
                    s.setString(4, "User " + i);
                    s.setDouble(5, (i % 1000) / 10.0 + 0.1 + 0.2);
                    s.setDouble(6, i % 7 == 0 ? 12.345 : 0);
                    if (i > 0 && i % 3 == 0) {
                        s.setLong(7, first + i - 1);
                    } else {
                        s.setNull(7, java.sql.Types.INTEGER);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO vpn_keys (key_id, user_id, host_name, xui_client_uuid, key_email, expiry_date, status,
                                          plan_name, subscription) VALUES (?, ?, ?, ?, ?, '2031-01-01 00:00:00',
                                          'pay-active', '1 мес', ?)""")) {
                for (int k = 0; k < KEYS; k++) {
                    s.setInt(1, k + 1);
                    s.setLong(2, first + k % CUSTOMERS);
                    s.setString(3, host);
                    s.setString(4, UUID.randomUUID().toString());
                    s.setString(5, "b" + tag + "-" + k);
                    s.setString(6, tag + Integer.toHexString(k));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method, metadata,
                                              created_date) VALUES (?, ?, 'paid', ?, ?, ?, '2024-05-01 12:00:00+03:00')""")) {
                for (int t = 0; t < TRANSACTIONS; t++) {
                    s.setString(1, tag + "-" + t);
                    s.setLong(2, first + t % CUSTOMERS);
                    s.setDouble(3, 149.9);
                    s.setString(4, t % 2 == 0 ? "YooKassa" : "Balance");
                    // Every other one extends a key of its payer, which the import finds by DM2's key id.
                    s.setString(5, t % 2 == 0 ? "{\"plan_id\": 1, \"operation\": \"buy\", \"action\": \"new\"}"
                            : "{\"plan_id\": 1, \"action\": \"extend\", \"key_id\": " + (t % CUSTOMERS + 1) + "}");
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
        }
    }
}
