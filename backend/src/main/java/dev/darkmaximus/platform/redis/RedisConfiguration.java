package dev.darkmaximus.platform.redis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Redis is optional: only when REDIS_URL is set do replicas share rate limits (and later caches and job locks).
 * PostgreSQL stays the source of truth for everything that matters.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisUrlCondition.class)
class RedisConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(Environment environment) {
        Config config = new Config();
        config.useSingleServer()
                .setAddress(environment.getRequiredProperty("dm.redis-url"))
                .setConnectTimeout(2_000)
                .setTimeout(1_000)
                .setRetryAttempts(1);
        return Redisson.create(config);
    }

    /** Redis in readiness when the shop uses it: a node whose Redis is gone can't share rate limits. */
    @Bean("redis")
    HealthIndicator redisHealth(RedissonClient redisson, MeterRegistry meters) {
        Gauge.builder("dm.redis.up", redisson, RedisConfiguration::answers)
                .description("1 when Redis answers, 0 when it does not").register(meters);
        return () -> answers(redisson) == 1 ? Health.up().build() : Health.down().build();
    }

    private static double answers(RedissonClient redisson) {
        try {
            redisson.getBucket("dm:health").isExists();
            return 1;
        } catch (RuntimeException e) { // any Redisson failure means "not reachable now"
            return 0;
        }
    }
}
