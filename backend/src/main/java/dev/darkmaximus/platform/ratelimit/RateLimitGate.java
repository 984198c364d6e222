package dev.darkmaximus.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;

/**
 * Takes a request from a budget and, when it is spent, answers 429 with Retry-After. Used by the per-IP filter and,
 * once the caller is known, for per-caller budgets such as an integrator's API key.
 */
@Component
public class RateLimitGate {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    RateLimitGate(RateLimiter limiter, RateLimitProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.meters = meters;
        for (String bucket : new String[] {"login", "checkout", "webhook", "integrator", "api", "apikey", "orders"}) {
            meters.counter("dm.http.rate_limited", "bucket", bucket); // from 0, for increase() and the 429 alert
        }
        this.limiter = limiter;
        this.properties = properties;
        this.problems = problems;
    }

    /** The budget of one API key, shared by every address the integrator calls from. */
    public boolean admitApiKey(long keyId, HttpServletResponse response) throws IOException {
        return !properties.enabled() || admit("apikey:" + keyId, properties.apiKeyPerMinute(), response);
    }

    /**
     * One customer's budget for opening orders, whichever address or client they use; throws a 429 problem with
     * {@code Retry-After} when it is spent.
     */
    public void requireOrderBudget(long customerId) {
        if (!properties.enabled()) {
            return;
        }
        RateLimiter.Decision decision = limiter.tryConsume("orders:customer:" + customerId,
                properties.ordersPerCustomerPerMinute());
        if (!decision.allowed()) {
            meters.counter("dm.http.rate_limited", "bucket", "orders").increment();
            throw new RateLimitedException(decision.retryAfterSeconds());
        }
    }

    /** Whether the request may go on; if not, the 429 answer has been written. */
    boolean admit(String bucket, int perMinute, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision = limiter.tryConsume(bucket, perMinute);
        if (!decision.allowed()) {
            // The bucket's kind only ("login", "apikey"…), never the address or key: bounded tags.
            meters.counter("dm.http.rate_limited", "bucket", bucket.substring(0, Math.max(bucket.indexOf(':'), 0)))
                    .increment();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests; retry after " + decision.retryAfterSeconds() + " s."));
            return false;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        return true;
    }
}
