package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.darkmaximus.platform.ratelimit.RateLimiter;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.ContractRecorder;
import dev.darkmaximus.testsupport.TestDatabase;
import dev.darkmaximus.testsupport.TestRedis;

/**
 * The one deliberately separate context: REDIS_URL set and no dev profile, as in a multi-replica production.
 * Buckets live in Redis, and the dev login does not exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisRateLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    RateLimiter limiter;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("dm.redis-url", TestRedis::url);
        registry.add("dm.data-dir", () -> Path.of("target", "test-data").toAbsolutePath().toString());
    }

    @AfterEach
    void answersKeptTheContract() {
        ContractRecorder.assertNoneSince();
    }

    @Test
    void bucketsAreSharedThroughRedis() {
        assertThat(limiter.getClass().getSimpleName()).isEqualTo("RedisRateLimiter");
        Api api = new Api(port, "198.51.100." + (1 + System.nanoTime() % 200));
        Api.Response limited = api.exhaustSignInBudget(5);

        limited.problem(429, "rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void theDevLoginDoesNotExistOutsideTheDevProfile() {
        new Api(port).post("/api/v1/auth/dev", Map.of("telegramId", 1), null).problem(404, "not_found");
    }
}
