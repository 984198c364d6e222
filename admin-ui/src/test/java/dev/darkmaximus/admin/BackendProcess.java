package dev.darkmaximus.admin;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The real backend, started from its built jar as a separate process with its own embedded PostgreSQL in a temp
 * directory: the admin UI is tested against exactly what it talks to in production, through the generated client.
 */
final class BackendProcess {

    static final String ADMIN_PASSWORD = "it-admin-password-" + ProcessHandle.current().pid();
    static final Path JAR = Path.of("..", "backend", "target", "backend.jar");

    private static Process process;
    private static int port;

    private BackendProcess() {
    }

    static synchronized String url() {
        if (process == null) {
            start();
        }
        return "http://127.0.0.1:" + port;
    }

    private static void start() {
        try {
            port = freePort();
            Path dataDir = Files.createTempDirectory("dm-backend-it");
            Path log = Path.of("target", "backend-it.log");
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                    JAR.toAbsolutePath().toString());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("DM_DATA_DIR", dataDir.toString());
            // AdminUiWebhooksIT's receiver listens on this machine.
            builder.environment().put("DM_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
            builder.environment().put("DM_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("DM_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            // The dev profile's sign-in stands in for a Telegram customer (the browser test takes a trial with it).
            builder.environment().put("SPRING_PROFILES_ACTIVE", "dev");
            // Telegram and YooKassa are WireMock (ProviderStubs); the bot takes no updates in these tests.
            builder.environment().put("TELEGRAM_BOT_TOKEN", ProviderStubs.BOT_TOKEN);
            builder.environment().put("TELEGRAM_UPDATES", "off");
            builder.environment().put("DM_TELEGRAM_APIBASEURL", ProviderStubs.telegramUrl());
            builder.environment().put("YOOKASSA_SHOP_ID", "100500");
            builder.environment().put("YOOKASSA_SECRET_KEY", "test_admin_ui_it");
            builder.environment().put("DM_YOOKASSA_APIBASEURL", ProviderStubs.yooKassaUrl());
            builder.environment().remove("DATABASE_URL");
            builder.environment().remove("REDIS_URL");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(BackendProcess::stop));
            awaitHealthy(Duration.ofSeconds(150), log);
        } catch (IOException e) {
            throw new IllegalStateException("backend did not start", e);
        }
    }

    private static void awaitHealthy(Duration timeout, Path log) {
        awaitHealthy(process, port, timeout, log);
    }

    /** Polls the backend's health until it answers 200 (never a fixed wait); fails when it exits or times out. */
    static void awaitHealthy(Process process, int port, Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("backend exited early; see " + log.toAbsolutePath());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + port + "/actuator/health").toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("backend not healthy within " + timeout + "; see " + log.toAbsolutePath());
    }

    private static synchronized void stop() {
        if (process == null) {
            return;
        }
        // A graceful stop lets the backend shut its embedded PostgreSQL down; whatever still runs after that is killed.
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A backend of its own as {@code make run} starts it (embedded PostgreSQL under {@code dataDir}, no Telegram, no
     * Redis), healthy on the returned process's port; the caller stops it.
     */
    static Process standalone(Path dataDir, int port, String adminPassword, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toAbsolutePath().toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("DM_DATA_DIR", dataDir.toString());
        builder.environment().put("DM_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().remove("DATABASE_URL");
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().remove("REDIS_URL");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process started = builder.start();
        try {
            awaitHealthy(started, port, Duration.ofSeconds(150), log);
        } catch (RuntimeException e) {
            started.descendants().forEach(ProcessHandle::destroyForcibly);
            started.destroyForcibly();
            throw e;
        }
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
