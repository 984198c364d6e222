package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.Shop;

/**
 * In-process buckets (no REDIS_URL): the test profile allows 5 sign-in attempts per IP per minute and 15 orders per
 * customer per minute.
 */
class RateLimitIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theSixthLoginAttemptInAMinuteGets429WithRetryAfter() {
        Api api = new Api(port, "192.0.2.10");
        Api.Response limited = api.exhaustSignInBudget(5);

        limited.problem(429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        new Api(port, "192.0.2.11").post("/api/v1/auth/admin/login", Map.of("username", "nobody", "password", "x"),
                null).problem(401, "invalid_credentials");
    }

    @Test
    void anEncodedPathFallsIntoTheSameBucketAsThePlainOne() {
        int address = 20;
        for (String path : List.of("/%61pi/v1/auth/admin/login", "/api/v1/auth/%61dmin/login")) {
            Api api = new Api(port, "192.0.2." + address++);
            for (int attempt = 0; attempt < 5; attempt++) {
                api.post(path, Map.of("username", "nobody", "password", "x"), null).expect(401);
            }
            api.post("/api/v1/auth/admin/login", Map.of("username", "nobody", "password", "x"), null)
                    .problem(429, "rate_limited");
            api.post(path, Map.of("username", "nobody", "password", "x"), null).problem(429, "rate_limited");
        }
    }

    @Test
    void oneCustomerOpensAtMostTheirOrderBudgetPerMinuteFromAnyAddress() throws Exception {
        Api api = new Api(port);
        Shop shop = new Shop(api, jdbc);
        Shop.Customer customer = shop.customer();
        CyclicBarrier together = new CyclicBarrier(20);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api from = new Api(port, "198.51.100." + (i + 1));
            int n = i;
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return from.post("/api/v1/orders", Map.of("kind", "TOP_UP", "amountMinor", 10_000, "method",
                        "YOOKASSA"), customer.token(), Map.of("Idempotency-Key", "budget-" + n)).status();
            }));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s != 429)).allMatch(s -> s == 201 || s == 200);
    }

    @Test
    void forwardedAddressesAreBelievedFromLoopbackOnlyUnlessTrustedProxiesSaySo() {
        // Tomcat's default believes X-Forwarded-For from every private range, so anyone on the LAN or the container
        // network could pick their own rate-limit bucket; the default here is loopback only (DM_TRUSTED_PROXIES).
        Pattern trusted = Pattern.compile(
                environment.getRequiredProperty("server.tomcat.remoteip.internal-proxies"));
        assertThat(List.of("127.0.0.1", "127.8.9.10", "::1")).allMatch(a -> trusted.matcher(a).matches());
        assertThat(List.of("10.1.2.3", "172.17.0.1", "192.168.1.20", "169.254.1.1", "100.64.0.1"))
                .noneMatch(a -> trusted.matcher(a).matches());
    }

    @Autowired
    Environment environment;

    @Test
    void retryingAnOrderAlreadyOpenedSpendsNothingOfTheBudget() {
        Api api = new Api(port);
        Shop.Customer customer = new Shop(api, jdbc).customer();
        Map<String, Object> topUp = Map.of("kind", "TOP_UP", "amountMinor", 10_000, "method", "YOOKASSA");
        long first = api.post("/api/v1/orders", topUp, customer.token(), Map.of("Idempotency-Key", "retry-0"))
                .expect(201).json().get("id").asLong();
        for (int i = 0; i < 20; i++) { // a client resending after lost answers: the same order every time
            assertThat(api.post("/api/v1/orders", topUp, customer.token(), Map.of("Idempotency-Key", "retry-0"))
                    .json().get("id").asLong()).isEqualTo(first);
        }
        for (int i = 1; i < 15; i++) { // the rest of the 15-a-minute budget is still there for new orders
            api.post("/api/v1/orders", topUp, customer.token(), Map.of("Idempotency-Key", "retry-" + i)).expect(201);
        }
        api.post("/api/v1/orders", topUp, customer.token(), Map.of("Idempotency-Key", "retry-15"))
                .problem(429, "rate_limited");
    }

    @Autowired
    JdbcClient jdbc;

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
