package dev.darkmaximus.platform.audit.persistence;

/** One audit row as written; before/after are JSON documents with secrets already masked. */
public record AuditRecord(String actorType, String actorId, String actorName, String action, String objectType,
                          String objectId, String beforeJson, String afterJson, String ip, String requestId) {
}
