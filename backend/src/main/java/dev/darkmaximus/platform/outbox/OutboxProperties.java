package dev.darkmaximus.platform.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param workerEnabled whether this node polls the outbox (every replica may; SKIP LOCKED keeps them apart)
 * @param batchSize     tasks claimed per poll
 * @param lease         how long a claimed task is ours; a worker that dies is replaced after it
 * @param maxAttempts   attempts before a task is dead-lettered for an admin
 * @param firstBackoff  wait after the first failure; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff    longest wait between attempts
 */
@Validated
@ConfigurationProperties("dm.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("10") @Positive int maxAttempts,
        @DefaultValue("10s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff) {

    /** The retries of every kind whose handler names none of its own. */
    public OutboxRetry retry() {
        return new OutboxRetry(maxAttempts, firstBackoff, maxBackoff);
    }
}
