package dev.darkmaximus.messaging.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.db.JsonDocument;

/** A message to a customer from a template; the dedup key makes each reminder happen at most once. */
@Table("notifications")
public record Notification(@Id Long id, long customerId, String kind, String channel, String templateKey,
                           JsonDocument params, Status status, int attempts, String error, String dedupKey,
                           Instant sentAt, Instant createdAt) {

    public enum Status { QUEUED, SENT, FAILED, SKIPPED }

    public static Notification queued(long customerId, String kind, String templateKey, JsonDocument params,
                                      String dedupKey, Instant now) {
        return new Notification(null, customerId, kind, "BOT", templateKey, params, Status.QUEUED, 0, null, dedupKey,
                null, now);
    }
}
