package dev.darkmaximus.platform.audit;

import java.time.Instant;

/**
 * Which audit rows to read; null or blank = any. {@code actorPrefix} and {@code actionPrefix} match the start of
 * the name (an exact name is its own prefix); {@code to} is exclusive.
 */
public record AuditFilter(String actorPrefix, String actionPrefix, String objectType, String objectId, Instant from,
                          Instant to) {

    public AuditFilter {
        actorPrefix = blankToNull(actorPrefix);
        actionPrefix = blankToNull(actionPrefix);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
