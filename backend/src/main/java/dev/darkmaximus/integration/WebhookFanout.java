package dev.darkmaximus.integration;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.integration.persistence.WebhookDeliveries;
import dev.darkmaximus.integration.persistence.WebhookEndpoints;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxService;

/**
 * Queues an event for every enabled endpoint that asked for its type: a delivery row (the log) and an outbox task
 * (the sending), both in the transaction that caused the event. Nothing is sent here, so a slow or dead receiver
 * never holds up a checkout; and an event rolled back is never sent.
 */
@Component
class WebhookFanout {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final OutboxService outbox;
    private final JsonMapper json;
    private final Clock clock;

    WebhookFanout(WebhookEndpoints endpoints, WebhookDeliveries deliveries, OutboxService outbox, JsonMapper json,
                  Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void fanOut(EventFeed.Event event) {
        List<Long> subscribed = endpoints.subscribedTo(event.type());
        if (subscribed.isEmpty()) {
            return;
        }
        String body = json.writeValueAsString(event);
        for (long endpointId : subscribed) {
            deliveries.insert(endpointId, event.id(), event.type(), body, clock.instant())
                    .ifPresent(delivery -> queue(delivery, 0));
        }
    }

    /** The outbox task that sends delivery {@code id}; {@code resend} tells a resend's task from the first one's. */
    void queue(long id, int resend) {
        outbox.enqueue(WebhookSender.KIND, new JsonDocument(json.writeValueAsString(Map.of("deliveryId", id))),
                "webhook:" + id + ":" + resend);
    }
}
