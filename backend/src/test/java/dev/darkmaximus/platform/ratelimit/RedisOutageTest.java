package dev.darkmaximus.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** While Redis is down, requests don't each wait for it, and the limits still count (on this node). */
class RedisOutageTest {

    @Test
    void afterAFailureRedisIsLeftAloneForAWhileAndTheLimitsStillHold() {
        AtomicInteger redisCalls = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        RedisRateLimiter limiter = new RedisRateLimiter((key, perMinute) -> {
            redisCalls.incrementAndGet();
            throw new IllegalStateException("Redis is down");
        }, now::get);

        for (int i = 0; i < 100; i++) {
            limiter.tryConsume("login:198.51.100.1", 5);
        }
        assertThat(redisCalls.get()).as("Redis asked once, then left alone").isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryConsume("login:198.51.100.2", 5).allowed()).isTrue();
        }
        assertThat(limiter.tryConsume("login:198.51.100.2", 5).allowed()).as("the budget still counts").isFalse();

        now.addAndGet(RedisRateLimiter.SKIP_FOR.plus(Duration.ofSeconds(1)).toNanos());
        limiter.tryConsume("login:198.51.100.3", 5);
        assertThat(redisCalls.get()).as("asked again once the pause is over").isEqualTo(2);
    }
}
