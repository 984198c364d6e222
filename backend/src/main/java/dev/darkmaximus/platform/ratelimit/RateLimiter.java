package dev.darkmaximus.platform.ratelimit;

/** Takes one token from the bucket named {@code key}; in-process or shared through Redis. */
public interface RateLimiter {

    Decision tryConsume(String key, int perMinute);

    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }
}
