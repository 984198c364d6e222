package dev.darkmaximus.platform.outbox.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.platform.outbox.OutboxTaskView;

public record OutboxTaskResponse(
        @Schema(example = "812") long id,
        @Schema(description = "What the task does.", example = "provision_key") String kind,
        @Schema(example = "dead", allowableValues = {"pending", "running", "done", "dead"}) String status,
        @Schema(example = "10") int attempts,
        @Schema(example = "PanelException: panel unreachable: ConnectException") String lastError,
        @Schema(example = "provision:order:42") String dedupKey,
        @Schema(example = "2026-11-24T10:15:30Z") Instant createdAt,
        @Schema(example = "2026-11-24T11:15:30Z") Instant nextAttemptAt) {

    static OutboxTaskResponse from(OutboxTaskView t) {
        return new OutboxTaskResponse(t.id(), t.kind(), t.status(), t.attempts(), t.lastError(), t.dedupKey(),
                t.createdAt(), t.nextAttemptAt());
    }
}
