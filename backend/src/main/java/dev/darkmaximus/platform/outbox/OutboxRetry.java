package dev.darkmaximus.platform.outbox;

import java.time.Duration;

/**
 * How long a kind of task keeps trying: {@code maxAttempts} attempts, waiting {@code firstBackoff} after the first
 * failure and doubling up to {@code maxBackoff}.
 */
public record OutboxRetry(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** Delay before the next attempt after {@code attempts} failed ones: exponential, capped. */
    public Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = firstBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** The time all attempts take at least, when every one fails at once: how long an outage is ridden out. */
    public Duration span() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(backoffAfter(attempt));
        }
        return total;
    }
}
