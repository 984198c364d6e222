package dev.darkmaximus.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.bench.BenchReport;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestDatabase;

/**
 * `make bench`, scale: whole checkouts (quote → order → YooKassa's verified notification → key provisioned on the
 * panel) against pgbench running a transaction shaped like "payment succeeded" on the same PostgreSQL in the same
 * run. The ratio says how much of the database's own ceiling the application turns into sales.
 */
@Tag("bench")
class CheckoutBenchmark extends PanelBackedTest {

    private static final int CHECKOUTS = Integer.getInteger("bench.checkouts", 300);
    private static final int CLIENTS = 8;

    @Test
    void checkoutsAgainstPgbench() throws Exception {
        Purchases purchases = new Purchases(api, shop, port, hostId, settings);
        checkouts(purchases, customers(30)); // warm-up
        List<Shop.Customer> customers = customers(CHECKOUTS); // signed in before the clock starts
        long t0 = System.nanoTime();
        double paidSeconds = checkouts(purchases, customers);
        double seconds = BenchReport.seconds(t0);
        double perSecond = CHECKOUTS / seconds;

        Path pgbench = pgbench();
        BenchReport.line("");
        BenchReport.line("### Checkout");
        BenchReport.line("");
        BenchReport.line("| what | figure | baseline (same database, same run) | ratio |");
        BenchReport.line("|---|---|---|---|");
        if (pgbench == null) {
            BenchReport.line("| checkouts, %d clients, to the key provisioned | %.0f /s (%d in %.1f s) | pgbench not "
                    + "installed (Debian: postgresql-client) | — |", CLIENTS, perSecond, CHECKOUTS, seconds);
            return;
        }
        double tps = pgbenchTps(pgbench);
        BenchReport.line("| checkouts, %d clients, to the key provisioned | %.0f /s (%d in %.1f s) | pgbench, "
                        + "\"payment succeeded\" transaction, %d clients: %.0f tps | %.3f× |", CLIENTS, perSecond,
                CHECKOUTS, seconds, CLIENTS, tps, perSecond / tps);
        BenchReport.line("");
        BenchReport.line("Of the %.1f s, %.1f s until every order was paid (order, YooKassa's notification verified "
                + "by reading the payment back), the rest provisioning the keys on the panel.", seconds, paidSeconds);
        BenchReport.line("");
        BenchReport.line("The test database runs without fsync (the embedded test server's defaults): both figures "
                + "are above what a durable server gives, the ratio is what to read.");
        BenchReport.line("");
    }

    /**
     * Whole purchases by as many new customers, CLIENTS at a time, each to its key being active; returns the seconds
     * until every order was paid (the rest is provisioning).
     */
    private double checkouts(Purchases purchases, List<Shop.Customer> customers) throws Exception {
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            long t0 = System.nanoTime();
            List<Future<Long>> orders = new ArrayList<>();
            for (Shop.Customer customer : customers) {
                orders.add(clients.submit(() -> purchases.paidByCard(customer).get("id").asLong()));
            }
            List<Long> orderIds = new ArrayList<>();
            for (Future<Long> order : orders) {
                orderIds.add(order.get());
            }
            double paid = BenchReport.seconds(t0);
            provisionAll(orderIds);
            return paid;
        }
    }

    private List<Shop.Customer> customers(int count) {
        List<Shop.Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) { // from many addresses: sign-ins are rate-limited per address
            customers.add(new Shop(new Api(port, "10.24." + (i / 250) + "." + (i % 250 + 1)), jdbc).customer());
        }
        return customers;
    }

    /** Runs the outbox (as the worker would) until every order's key is active on the panel. */
    private void provisionAll(List<Long> orderIds) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String ids = orderIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        while (db.count("SELECT count(*) FROM orders o JOIN vpn_keys k ON k.id = o.key_id WHERE o.id IN (" + ids
                + ") AND k.status = 'ACTIVE'") < orderIds.size()) {
            assertThat(System.nanoTime()).as("keys provisioned within 5 minutes").isLessThan(deadline);
            outbox.run("key.push:");
        }
    }

    private double pgbenchTps(Path pgbench) throws Exception {
        jdbc.sql("DROP SCHEMA IF EXISTS pgbench_dm CASCADE").update();
        jdbc.sql("CREATE SCHEMA pgbench_dm").update();
        jdbc.sql("""
                CREATE TABLE pgbench_dm.payments (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL,
                    amount_minor BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL, version INT NOT NULL)""").update();
        jdbc.sql("""
                CREATE TABLE pgbench_dm.orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL,
                    updated_at TIMESTAMPTZ NOT NULL)""").update();
        jdbc.sql("""
                CREATE TABLE pgbench_dm.outbox (id BIGSERIAL PRIMARY KEY, kind VARCHAR(40) NOT NULL, payload TEXT,
                    created_at TIMESTAMPTZ NOT NULL)""").update();
        jdbc.sql("""
                CREATE TABLE pgbench_dm.audit (id BIGSERIAL PRIMARY KEY, action VARCHAR(64) NOT NULL, object_id BIGINT,
                    created_at TIMESTAMPTZ NOT NULL)""").update();
        jdbc.sql("INSERT INTO pgbench_dm.payments SELECT i, 'PENDING', 19900, now(), 0 FROM generate_series(1, 100000) i")
                .update();
        jdbc.sql("INSERT INTO pgbench_dm.orders SELECT i, 'PENDING', now() FROM generate_series(1, 100000) i").update();
        Path script = Files.createTempFile("payment-succeeded", ".sql");
        try (var in = getClass().getResourceAsStream("/bench/payment-succeeded.sql")) {
            Files.write(script, in.readAllBytes());
        }
        URI db = URI.create(TestDatabase.jdbcUrl().substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder(pgbench.toString(), "-n", "-c", Integer.toString(CLIENTS), "-j", "2",
                "-T", "12", "-f", script.toString(), "-h", db.getHost(), "-p", Integer.toString(db.getPort()),
                "-U", TestDatabase.username(), db.getPath().substring(1)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", TestDatabase.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        Matcher tps = Pattern.compile("tps = ([\\d.]+)").matcher(output);
        assertThat(tps.find()).as(output).isTrue();
        return Double.parseDouble(tps.group(1));
    }

    /** pgbench on the PATH, else Debian's PostgreSQL packages; null when neither has it. */
    private static Path pgbench() throws Exception {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench");
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Path::compareTo).orElse(null);
        }
    }
}
