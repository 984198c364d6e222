package dev.darkmaximus.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** The bucket shape shared by both limiters: the full budget refilled greedily over one minute. */
final class Buckets {

    private Buckets() {
    }

    static BucketConfiguration perMinute(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    static RateLimiter.Decision decision(ConsumptionProbe probe) {
        long wait = probe.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new RateLimiter.Decision(probe.isConsumed(), probe.getRemainingTokens(), wait);
    }
}
