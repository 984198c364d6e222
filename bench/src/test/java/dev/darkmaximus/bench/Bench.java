package dev.darkmaximus.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * `make bench`, the HTTP half: the backend, the admin UI and the bare baseline app (bench's main sources) started from
 * their jars one after another on the same JVM and the same PostgreSQL, then loaded with wrk side by side. Every
 * figure is printed next to the baseline's from this run and their ratio; the report goes to
 * bench/target/bench-http.md, which `make bench` puts into docs/benchmarks.md.
 */
public final class Bench {

    private static final int STARTS = Integer.getInteger("bench.starts", 3);
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    private static final int RECORDING_TRAFFIC_SECONDS = Integer.getInteger("bench.recording-traffic", 20);
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.idle", 10));

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("bench/target/run");
        deleteTree(work);
        Files.createDirectories(work);
        Path backendJar = existing(root.resolve("backend/target/backend.jar"));
        Path adminJar = existing(root.resolve("admin-ui/target/admin-ui.jar"));
        Path baselineJar = existing(root.resolve("bench/target/baseline.jar"));
        Report report = new Report();

        // The product's embedded server settings (durable writes), so the baseline pays for the same database.
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(true).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").setServerConfig("listen_addresses", "localhost").start()) {
            Map<String, String> database = Map.of(
                    "DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "DATABASE_USERNAME", "postgres", "DATABASE_PASSWORD", "postgres");
            Apps apps = new Apps(root, work, database, backendJar, adminJar, baselineJar);

            System.out.println("bench: first start of the backend (migrations) and the shop's data");
            Shop shop;
            try (JavaApp backend = apps.backend(JavaApp.Mode.PLAIN, false)) {
                backend.awaitHealthy(Apps.BACKEND_READY, Duration.ofMinutes(3));
                shop = Shop.seed(backend.base());
            }

            if (STARTS > 0) {
                startUp(report, apps);
            }

            if (!Boolean.parseBoolean(System.getProperty("bench.http", "true"))) {
                report.note("HTTP figures skipped (-Dbench.http=false).");
            } else if (!Wrk.installed()) {
                report.note("wrk is not installed (`apt-get install wrk`): the HTTP figures were not measured.");
            } else {
                recordCache(apps::baseline, "baseline", Apps.BASELINE_READY, apps);
                recordCache(apps::backend, "backend", Apps.BACKEND_READY, apps);
                try (JavaApp baseline = apps.baseline(JavaApp.Mode.SHIPPED);
                     JavaApp backend = apps.backend(JavaApp.Mode.SHIPPED, PROFILE)) {
                    baseline.awaitHealthy(Apps.BASELINE_READY, Duration.ofMinutes(2));
                    backend.awaitHealthy(Apps.BACKEND_READY, Duration.ofMinutes(3));
                    http(report, shop.refresh(backend.base()), baseline, backend);
                }
            }
        }
        Path out = root.resolve("bench/target/bench-http.md");
        Files.writeString(out, report.markdown());
        System.out.println();
        System.out.println(report.markdown());
    }

    private static void startUp(Report report, Apps apps) throws Exception {
        System.out.printf("bench: start-up and idle memory, %d starts each%n", STARTS);
        StartFigures baseline = measureStarts(apps::baseline, JavaApp.Mode.PLAIN, Apps.BASELINE_READY);
        StartFigures baselineShipped = measureStarts(apps::baseline, JavaApp.Mode.SHIPPED, Apps.BASELINE_READY);
        StartFigures backend = measureStarts(apps::backend, JavaApp.Mode.PLAIN, Apps.BACKEND_READY);
        StartFigures backendShipped = measureStarts(apps::backend, JavaApp.Mode.SHIPPED, Apps.BACKEND_READY);
        StartFigures admin;
        StartFigures adminShipped;
        try (JavaApp running = apps.backend(JavaApp.Mode.PLAIN, false)) { // the admin UI needs its backend
            running.awaitHealthy(Apps.BACKEND_READY, Duration.ofMinutes(3));
            admin = measureStarts(apps::adminUi, JavaApp.Mode.PLAIN, Apps.ADMIN_READY);
            adminShipped = measureStarts(apps::adminUi, JavaApp.Mode.SHIPPED, Apps.ADMIN_READY);
        }
        String shipped = "as shipped (the image's start: extracted jar, ahead-of-time cache, the Dockerfile's JVM "
                + "options)";
        report.start("backend", shipped, backendShipped, "`java -jar`", baseline, true);
        report.start("backend", shipped, backendShipped, "the same options", baselineShipped, false);
        report.start("backend", "`java -jar`", backend, "`java -jar`", baseline, false);
        report.start("admin UI", shipped, adminShipped, "`java -jar`", baseline, true);
        report.start("admin UI", "`java -jar`", admin, "`java -jar`", baseline, false);
    }

    private static void http(Report report, Shop shop, JavaApp baseline, JavaApp backend) throws Exception {
        Wrk wrk = new Wrk(Integer.getInteger("bench.connections", 64), Integer.getInteger("bench.seconds", 12),
                Integer.getInteger("bench.warmup", 5));
        System.out.printf("bench: wrk, %d connections%n", Integer.getInteger("bench.connections", 64));
        Wrk.Result hello = wrk.measure(baseline.base() + "/hello");
        Wrk.Result oneQuery = wrk.measure(baseline.base() + "/plans");
        report.http("GET /actuator/health/liveness (the whole filter chain)",
                wrk.measure(backend.base() + "/actuator/health/liveness"), "GET /hello (bare Spring MVC)", hello, "");
        report.http("GET /actuator/health (database, panels)", wrk.measure(backend.base() + "/actuator/health"),
                "GET /hello (bare Spring MVC)", hello, "");
        String plansCaption = "GET /plans (one JDBC query, " + shop.plans() + " plans)";
        report.http("GET /api/v1/catalog/plans (anonymous)", wrk.measure(backend.base() + "/api/v1/catalog/plans"),
                plansCaption, oneQuery, "≥ 1.0× throughput, ≤ 2× p99");
        report.http("GET /api/v1/catalog/plans (customer token)", wrk.measure(backend.base() + "/api/v1/catalog/plans",
                "Authorization: Bearer " + shop.customerToken()), plansCaption, oneQuery, "≥ 1.0× throughput, ≤ 2× p99");
        report.http("GET /api/v1/admin/customers?q= (staff token)", wrk.measure(backend.base()
                + "/api/v1/admin/customers?q=bench&limit=20", "Authorization: Bearer " + shop.adminToken()),
                plansCaption, oneQuery, "");
    }

    interface Launcher {
        JavaApp launch(JavaApp.Mode mode) throws IOException;
    }

    record StartFigures(List<Long> startMillis, List<Long> rssMegabytes, List<Long> stopMillis) {
    }

    /** Starts the app alone on a quiet machine, waits until it is healthy, lets it idle, reads its memory, stops it. */
    private static StartFigures measureStarts(Launcher launcher, JavaApp.Mode mode, String readyPath)
            throws Exception {
        if (mode == JavaApp.Mode.SHIPPED) {
            record(launcher, readyPath);
        }
        StartFigures figures = new StartFigures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < STARTS; i++) {
            try (JavaApp app = launcher.launch(mode)) {
                figures.startMillis().add(app.awaitHealthy(readyPath, Duration.ofMinutes(3)));
                Thread.sleep(IDLE.toMillis()); // "idle" is defined as this long after ready with no traffic
                figures.rssMegabytes().add(app.rssMegabytes());
                app.nativeMemorySummary(Integer.toString(i));
                figures.stopMillis().add(app.stop());
                System.out.printf("  %s: healthy after %d ms, idle RSS %d MB, stopped in %d ms%n", app.name,
                        figures.startMillis().getLast(), figures.rssMegabytes().getLast(),
                        figures.stopMillis().getLast());
            }
        }
        return figures;
    }

    /** A shipped start that records: the app's ahead-of-time cache is written as it stops. */
    private static void record(Launcher launcher, String readyPath) throws Exception {
        String name;
        Path logs;
        try (JavaApp recording = launcher.launch(JavaApp.Mode.SHIPPED)) {
            recording.awaitHealthy(readyPath, Duration.ofMinutes(3));
            // A shop's first run serves its customers until it is stopped, and the cache keeps the classes serving
            // them loaded: the recording run here serves the storefront (the bare app: its query) for a while too.
            String traffic = switch (readyPath) {
                case Apps.BACKEND_READY -> "/api/v1/catalog/plans";
                case Apps.BASELINE_READY -> "/plans";
                default -> null;
            };
            if (traffic != null && Wrk.installed()) {
                Wrk.exercise(recording.base() + traffic, RECORDING_TRAFFIC_SECONDS);
            }
            recording.stop(Duration.ofMinutes(5));
            name = recording.name.replace(" (as shipped)", "");
            logs = recording.log().getParent();
        }
        if (!JavaApp.cached(name, logs)) {
            // Else every "as shipped" start would be another recording run, and not what ships.
            throw new IllegalStateException(name + "'s recording run left no ahead-of-time cache; see " + logs);
        }
    }

    /** For the HTTP half run alone (-Dbench.starts=0): the apps are measured from their cache, never recording. */
    private static void recordCache(Launcher launcher, String name, String readyPath, Apps apps) throws Exception {
        if (!JavaApp.cached(name, apps.logs())) {
            record(launcher, readyPath);
        }
    }

    /** The three apps, launched with the same JVM flags and the same database. */
    static final class Apps {

        static final String BACKEND_READY = "/actuator/health/readiness";
        static final String BASELINE_READY = "/hello";
        static final String ADMIN_READY = "/";

        private final Path work;
        private final Map<String, String> database;
        private final Path backendJar;
        private final Path adminJar;
        private final Path baselineJar;
        private final Path backendDockerfile;
        private final Path adminDockerfile;
        private final int backendPort = freePort();

        Apps(Path root, Path work, Map<String, String> database, Path backendJar, Path adminJar, Path baselineJar) {
            this.backendDockerfile = existing(root.resolve("backend/Dockerfile"));
            this.adminDockerfile = existing(root.resolve("admin-ui/Dockerfile"));
            this.work = work;
            this.database = database;
            this.backendJar = backendJar;
            this.adminJar = adminJar;
            this.baselineJar = baselineJar;
        }

        JavaApp backend(JavaApp.Mode mode) throws IOException {
            return backend(mode, false);
        }

        Path logs() {
            return work.resolve("logs");
        }

        /** With {@code profile}, the backend records a Java Flight Recording of the load (bench/target/run). */
        JavaApp backend(JavaApp.Mode mode, boolean profile) throws IOException {
            Map<String, String> env = new HashMap<>(database);
            env.put("DM_DATA_DIR", work.resolve("backend-data").toString());
            env.put("SERVER_ADDRESS", "127.0.0.1");
            env.put("DM_BOOTSTRAP_ADMIN_PASSWORD", Shop.ADMIN_PASSWORD);
            env.put("TELEGRAM_BOT_TOKEN", Shop.BOT_TOKEN);
            env.put("TELEGRAM_UPDATES", "webhook"); // no long poll to an unreachable Telegram
            // The limiter still runs on every request; its budgets are out of the way of one client doing 10k req/s.
            for (String limit : List.of("PUBLIC", "LOGIN", "API_KEY")) {
                env.put("DM_RATELIMIT_" + limit + "_PER_MINUTE", "100000000");
            }
            List<String> flags = profile ? List.of("-XX:StartFlightRecording=filename=" + work.resolve("backend.jfr")
                    + ",settings=profile") : List.of();
            return JavaApp.launch("backend", mode, backendJar, backendDockerfile, backendPort, env, flags,
                    work.resolve("logs"));
        }

        JavaApp adminUi(JavaApp.Mode mode) throws IOException {
            Map<String, String> env = Map.of("DM_BACKEND_URL", "http://127.0.0.1:" + backendPort,
                    "SERVER_ADDRESS", "127.0.0.1");
            return JavaApp.launch("admin-ui", mode, adminJar, adminDockerfile, freePort(), env, List.of(),
                    work.resolve("logs"));
        }

        JavaApp baseline(JavaApp.Mode mode) throws IOException {
            // "The same": the baseline started with the backend image's options.
            return JavaApp.launch("baseline", mode, baselineJar, backendDockerfile, freePort(), database, List.of(),
                    work.resolve("logs"));
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: `make bench` builds it first");
        }
        return jar;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static String now() {
        return Instant.now().toString().substring(0, 10);
    }
}
