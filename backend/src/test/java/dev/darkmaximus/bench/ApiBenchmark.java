package dev.darkmaximus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * `make bench`: closed-loop load against the full app on 127.0.0.1 (embedded PostgreSQL on the same machine), each
 * scenario for a fixed time, printing throughput and latency percentiles. Not part of `make test` (tag "bench").
 * Requests spread over many client IPs, so the rate limiter runs on every request without throttling the run.
 */
@Tag("bench")
class ApiBenchmark extends IntegrationTest {

    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    @Test
    void scenarios() throws Exception {
        Api api = new Api(port);
        String admin = api.adminToken();
        for (int h = 0; h < 5; h++) {
            long host = api.post("/api/v1/admin/hosts", CatalogRequests.host("Bench host " + h + " " + System.nanoTime()),
                    admin).expect(201).json().get("id").asLong();
            for (int p = 0; p < 4; p++) {
                api.post("/api/v1/admin/plans", CatalogRequests.plan(host, "Bench plan " + p, "visible"), admin).expect(201);
            }
        }
        String customer = api.post("/api/v1/auth/dev", Map.of("telegramId", 77_000_001), null)
                .expect(200).json().get("accessToken").asString();
        String base = "http://127.0.0.1:" + port;
        AtomicLong telegramIds = new AtomicLong(80_000_000);

        System.out.printf("%nBenchmark: %d concurrent clients, %s warm-up, %s per scenario, %d cores%n",
                CONCURRENCY, WARMUP, RUN, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %10s %9s %9s %9s %7s%n", "scenario", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
        run("GET /catalog/hosts (anonymous)", () -> get(base + "/api/v1/catalog/hosts", null));
        run("GET /catalog/hosts (customer token)", () -> get(base + "/api/v1/catalog/hosts", customer));
        run("GET /admin/customers?q= (admin)", () -> get(base + "/api/v1/admin/customers?q=bench&limit=20", admin));
        run("POST /auth/telegram (verify+upsert+JWT)", () -> post(base + "/api/v1/auth/telegram",
                "{\"initData\":\"" + InitData.signed(InitData.TEST_BOT_TOKEN, Instant.now().getEpochSecond(),
                        InitData.userJson(telegramIds.incrementAndGet(), "Bench", "bench", "ru"), Map.of())
                        .replace("\"", "\\\"") + "\"}"));
    }

    private void run(String name, Supplier<HttpRequest> request) throws Exception {
        measure(request, WARMUP);
        Result result = measure(request, RUN);
        List<Long> sorted = result.latenciesNanos();
        Collections.sort(sorted);
        System.out.printf("%-40s %10.0f %9.2f %9.2f %9.2f %7d%n", name, sorted.size() / (double) RUN.toSeconds(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.getLast() / 1e6,
                result.errors());
    }

    private Result measure(Supplier<HttpRequest> request, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY)) {
            for (int c = 0; c < CONCURRENCY; c++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            int status = http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status >= 400) {
                                errors.incrementAndGet();
                            }
                            latencies.add(System.nanoTime() - start);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new Result(new ArrayList<>(latencies), errors.get());
    }

    private static HttpRequest get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", randomIp());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.GET().build();
    }

    private static HttpRequest post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", randomIp())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private record Result(List<Long> latenciesNanos, long errors) {
    }
}
