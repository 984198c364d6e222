package dev.darkmaximus.integration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.integration.persistence.EventStore;
import dev.darkmaximus.integration.persistence.IdempotencyStore;

/**
 * Forgets what integrators no longer need: kept Idempotency-Key answers after 24 h, feed events (and so their
 * webhook deliveries' source) after {@code dm.integrations.event-retention}. Each delete is idempotent, so two
 * nodes running it at once do no harm.
 */
@Component
class IntegrationRetention {

    static final Duration ANSWERS_KEPT = Duration.ofHours(24);

    private final IdempotencyStore answers;
    private final EventStore events;
    private final Clock clock;
    private final Duration eventRetention;

    IntegrationRetention(IdempotencyStore answers, EventStore events, Clock clock,
                         @Value("${dm.integrations.event-retention:30d}") Duration eventRetention) {
        this.answers = answers;
        this.events = events;
        this.clock = clock;
        this.eventRetention = eventRetention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void run() {
        answers.deleteClaimedBefore(clock.instant().minus(ANSWERS_KEPT));
        events.deleteOccurredBefore(clock.instant().minus(eventRetention));
    }
}
