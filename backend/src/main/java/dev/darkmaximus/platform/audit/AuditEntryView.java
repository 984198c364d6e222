package dev.darkmaximus.platform.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One audit entry as the admin API shows it; before/after are the recorded views, secrets already masked. */
@Schema(name = "AuditEntry")
public record AuditEntryView(
        long id,
        Instant at,
        @Schema(allowableValues = {"STAFF", "INTEGRATOR", "SYSTEM", "CUSTOMER"}, example = "STAFF") String actorType,
        @Schema(description = "The staff, integrator or customer id; null for the system.", example = "1")
        String actorId,
        @Schema(example = "admin") String actorName,
        @Schema(example = "setting.changed") String action,
        @Schema(example = "setting") String objectType,
        @Schema(example = "trial.days") String objectId,
        @Schema(description = "The object before the change (a JSON document); null when there was none.",
                types = "object", example = "{\"value\": \"3\"}") Object before,
        @Schema(description = "The object after the change (a JSON document); null when it is gone.",
                types = "object", example = "{\"value\": \"5\"}") Object after,
        @Schema(example = "203.0.113.7") String ip,
        @Schema(description = "The request's X-Request-Id, to find it in the logs.") String requestId) {
}
