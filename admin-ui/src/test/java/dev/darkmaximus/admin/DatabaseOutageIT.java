package dev.darkmaximus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The database dies under a running backend (its embedded PostgreSQL killed, as a crashed database server would be):
 * public, signed-in and health requests answer at once that the database is unavailable, with Retry-After, instead
 * of hanging for the pool's 30 s and answering a 500.
 */
class DatabaseOutageIT {

    private static final String PASSWORD = "outage-it-password";
    /** Generous for a loaded two-core machine: the pool gives up after 3 s. */
    private static final Duration PROMPT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void requestsAnswer503WithRetryAfterWithinSecondsWhileTheDatabaseIsDown() throws Exception {
        Path dataDir = Files.createTempDirectory("dm-outage-it");
        int port = BackendProcess.freePort();
        Process backend = BackendProcess.standalone(dataDir, port, PASSWORD, Path.of("target", "backend-outage.log"));
        try {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/admin/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD
                            + "\"}")));
            assertThat(login.statusCode()).isEqualTo(200);
            Matcher token = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
            assertThat(token.find()).isTrue();

            killDatabase(dataDir);

            for (HttpRequest.Builder request : new HttpRequest.Builder[] {
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/catalog/plans")),
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/hosts"))
                            .header("Authorization", "Bearer " + token.group(1))}) {
                long start = System.nanoTime();
                HttpResponse<String> answer = send(request);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.body()).contains("\"code\":\"database_unavailable\"");
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(took).isLessThan(PROMPT);
                System.out.printf("Database down: %s answered %d in %d ms%n", answer.uri().getPath(),
                        answer.statusCode(), took.toMillis());
            }
            long start = System.nanoTime();
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
            Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("Database down: health answered %d in %d ms%n", health.statusCode(), healthTook.toMillis());
            assertThat(healthTook).isLessThan(PROMPT);
        } finally {
            backend.descendants().forEach(ProcessHandle::destroyForcibly);
            backend.destroyForcibly();
        }
    }

    /** SIGKILL to the embedded PostgreSQL's postmaster and every one of its processes. */
    private static void killDatabase(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0)
                .strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
