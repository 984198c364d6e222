package dev.darkmaximus.platform.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/** Single-node buckets; bounded so a flood of distinct IPs can't exhaust memory. */
class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();

    @Override
    public Decision tryConsume(String key, int perMinute) {
        Bucket bucket = buckets.get(key + ":" + perMinute,
                k -> Bucket.builder().addLimit(Buckets.perMinute(perMinute).getBandwidths()[0]).build());
        return Buckets.decision(bucket.tryConsumeAndReturnRemaining(1));
    }
}
