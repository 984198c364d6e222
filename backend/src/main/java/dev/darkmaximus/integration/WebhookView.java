package dev.darkmaximus.integration;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.integration.persistence.WebhookEndpoints;

/** An endpoint as admins see it: never its secret, which is shown once when made or rotated. */
public record WebhookView(long id, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url, String description,
                          List<String> events, boolean enabled, String disabledReason, Instant failingSince,
                          Instant lastSuccessAt,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) {

    static WebhookView from(WebhookEndpoints.StoredEndpoint e) {
        return new WebhookView(e.id(), e.url(), e.description(), e.events(), e.enabled(), e.disabledReason(),
                e.failingSince(), e.lastSuccessAt(), e.createdAt(), e.updatedAt());
    }
}
