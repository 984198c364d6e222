package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.support.Api;
import dev.darkmaximus.support.IntegrationTest;

/** In-process buckets (no REDIS_URL): the test profile allows 5 sign-in attempts per IP per minute. */
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
}
