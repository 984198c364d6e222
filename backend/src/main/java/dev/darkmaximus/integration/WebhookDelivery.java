package dev.darkmaximus.integration;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.integration.persistence.WebhookDeliveries;

/** One delivery in an endpoint's log, with what its last attempt got. */
public record WebhookDelivery(long id, long endpointId, long eventId,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "order.paid")
                              String eventType,
                              @Schema(description = "PENDING (being tried), DELIVERED (a 2xx came back), FAILED "
                                      + "(gave up, or the endpoint was switched off): resend it from the log.",
                                      allowableValues = {"PENDING", "DELIVERED", "FAILED"},
                                      requiredMode = Schema.RequiredMode.REQUIRED) String status,
                              int attempts, Integer lastStatusCode, Integer lastDurationMs, String lastError,
                              Instant lastAttemptAt, Instant deliveredAt,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                              @Schema(description = "The JSON body sent, as sent.",
                                      requiredMode = Schema.RequiredMode.REQUIRED) String payload) {

    static WebhookDelivery from(WebhookDeliveries.StoredDelivery d) {
        return new WebhookDelivery(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.status(), d.attempts(),
                d.lastStatusCode(), d.lastDurationMs(), d.lastError(), d.lastAttemptAt(), d.deliveredAt(),
                d.createdAt(), d.payload());
    }
}
