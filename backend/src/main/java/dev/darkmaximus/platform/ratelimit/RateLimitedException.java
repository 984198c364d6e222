package dev.darkmaximus.platform.ratelimit;

import org.springframework.http.HttpStatus;

import dev.darkmaximus.platform.error.ApiException;

/** A budget spent inside a request: answered 429 with {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
