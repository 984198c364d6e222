package dev.darkmaximus.platform.audit.persistence;

import java.time.Instant;

/** One audit row as read back; before/after are the stored JSON documents as text. */
public record AuditRow(long id, Instant createdAt, String actorType, String actorId, String actorName, String action,
                       String objectType, String objectId, String beforeState, String afterState, String ip,
                       String requestId) {
}
