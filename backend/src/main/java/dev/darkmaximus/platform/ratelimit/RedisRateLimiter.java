package dev.darkmaximus.platform.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by every replica through Redis. When Redis fails, this node counts in its own buckets for a short
 * while ({@link #SKIP_FOR}) instead of asking Redis again: every request paying Redis's timeout while it is down
 * would slow the whole API, and letting everything through would drop the limits. Nothing about money depends on it.
 */
class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
    static final Duration SKIP_FOR = Duration.ofSeconds(10);

    /** One take from a shared bucket; throws when Redis can't be reached. */
    interface SharedBuckets {
        ConsumptionProbe take(String key, int perMinute);
    }

    private final SharedBuckets shared;
    private final LocalRateLimiter fallback = new LocalRateLimiter();
    private final LongSupplier nanoTime;
    private volatile long skipUntil;
    private volatile boolean skipping;

    RedisRateLimiter(RedissonClient redisson) {
        this(redissonBuckets(redisson), System::nanoTime);
    }

    RedisRateLimiter(SharedBuckets shared, LongSupplier nanoTime) {
        this.shared = shared;
        this.nanoTime = nanoTime;
    }

    private static SharedBuckets redissonBuckets(RedissonClient redisson) {
        ProxyManager<String> buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
        return (key, perMinute) -> buckets.builder()
                .build("dm:rl:" + key + ":" + perMinute, () -> Buckets.perMinute(perMinute))
                .tryConsumeAndReturnRemaining(1);
    }

    @Override
    public Decision tryConsume(String key, int perMinute) {
        if (skipping && nanoTime.getAsLong() - skipUntil < 0) {
            return fallback.tryConsume(key, perMinute);
        }
        try {
            Decision decision = Buckets.decision(shared.take(key, perMinute));
            if (skipping) {
                skipping = false;
                log.atInfo().log("rate limits shared through Redis again");
            }
            return decision;
        } catch (RuntimeException redisDown) {
            skipUntil = nanoTime.getAsLong() + SKIP_FOR.toNanos();
            skipping = true;
            log.atWarn().addKeyValue("error", redisDown.getClass().getSimpleName())
                    .log("Redis unavailable: rate limits counted on this node for " + SKIP_FOR.toSeconds() + " s");
            return fallback.tryConsume(key, perMinute);
        }
    }
}
