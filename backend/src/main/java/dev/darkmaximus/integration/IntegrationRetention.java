package dev.darkmaximus.integration;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.integration.persistence.EventStore;
import dev.darkmaximus.integration.persistence.IdempotencyStore;
import dev.darkmaximus.integration.persistence.WebhookDeliveries;

/**
 * Forgets what integrators no longer need: kept Idempotency-Key answers after 24 h, feed events and finished
 * webhook deliveries after {@code dm.integrations.event-retention}. Each delete is idempotent, so two
 * nodes running it at once do no harm.
 */
@Component
class IntegrationRetention {

    static final Duration ANSWERS_KEPT = Duration.ofHours(24);

    private final IdempotencyStore answers;
    private final EventStore events;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final Duration eventRetention;
    private final boolean enabled;

    IntegrationRetention(IdempotencyStore answers, EventStore events, WebhookDeliveries deliveries, Clock clock,
                         @Value("${dm.integrations.event-retention:30d}") Duration eventRetention,
                         @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        this.deliveries = deliveries;
        this.answers = answers;
        this.events = events;
        this.clock = clock;
        this.eventRetention = eventRetention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void run() {
        if (!enabled) {
            return;
        }
        answers.deleteClaimedBefore(clock.instant().minus(ANSWERS_KEPT));
        events.deleteOccurredBefore(clock.instant().minus(eventRetention));
        deliveries.deleteCreatedBefore(clock.instant().minus(eventRetention));
    }
}
