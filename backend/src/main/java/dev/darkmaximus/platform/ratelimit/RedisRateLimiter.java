package dev.darkmaximus.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by every replica through Redis. When Redis is unreachable the request is let through (and logged):
 * a rate limit must not take the shop down, and nothing about money depends on it.
 */
class RedisRateLimiter implements RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private final ProxyManager<String> buckets;

    RedisRateLimiter(RedissonClient redisson) {
        this.buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                .build();
    }

    @Override
    public Decision tryConsume(String key, int perMinute) {
        try {
            return Buckets.decision(buckets.builder()
                    .build("dm:rl:" + key + ":" + perMinute, () -> Buckets.perMinute(perMinute))
                    .tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException redisDown) {
            log.atWarn().addKeyValue("error", redisDown.getClass().getSimpleName())
                    .log("rate limit skipped: Redis unavailable");
            return new Decision(true, 0, 0);
        }
    }
}
