package dev.darkmaximus.platform.outbox;

import java.time.Instant;
import java.util.Locale;

import dev.darkmaximus.platform.outbox.persistence.OutboxTask;

/** An outbox task as admins see it (the payload stays internal). */
public record OutboxTaskView(long id, String kind, String status, int attempts, String lastError, String dedupKey,
                             Instant createdAt, Instant nextAttemptAt) {

    static OutboxTaskView from(OutboxTask t) {
        return new OutboxTaskView(t.id(), t.kind(), t.status().name().toLowerCase(Locale.ROOT), t.attempts(),
                t.lastError(), t.dedupKey(), t.createdAt(), t.nextAttemptAt());
    }
}
