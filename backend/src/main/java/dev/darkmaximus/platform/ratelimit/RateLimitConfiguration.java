package dev.darkmaximus.platform.ratelimit;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Shared buckets when Redis is configured (several replicas), in-process otherwise. */
    @Bean
    RateLimiter rateLimiter(ObjectProvider<RedissonClient> redisson) {
        RedissonClient client = redisson.getIfAvailable();
        return client != null ? new RedisRateLimiter(client) : new LocalRateLimiter();
    }
}
