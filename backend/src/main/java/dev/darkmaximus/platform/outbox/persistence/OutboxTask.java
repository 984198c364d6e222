package dev.darkmaximus.platform.outbox.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.db.JsonDocument;

/** A side effect to perform after commit (provision a key, send a message), retried until done or dead. */
@Table("outbox_tasks")
public record OutboxTask(@Id Long id, String kind, JsonDocument payload, String dedupKey, Status status, int attempts,
                         Instant nextAttemptAt, Instant lockedUntil, String lastError, String requestId,
                         Instant createdAt, Instant doneAt) {

    public enum Status { PENDING, RUNNING, DONE, DEAD }

    public static OutboxTask pending(String kind, JsonDocument payload, String dedupKey, String requestId, Instant now) {
        return new OutboxTask(null, kind, payload, dedupKey, Status.PENDING, 0, now, null, null, requestId, now, null);
    }
}
