package dev.darkmaximus.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One sync run as admins see it: counts, and each key repaired, each key missing, each orphan client. */
public record SyncReportView(long id, long hostId, String trigger, String outcome, String error, int panelClients,
                             int keysChecked, int keysUpdated, int keysMissing, int orphans, Details details,
                             Instant startedAt, Instant finishedAt) {

    /** What the run found. Nothing listed here was deleted: orphans wait for an admin. */
    public record Details(List<Drift> updated, List<Missing> missing, List<Orphan> orphanClients) {
    }

    /** A key whose expiry, enabled state or traffic limit differed on the panel; {@code changes}: field → [was, now]. */
    public record Drift(long keyId, String email, Map<String, List<String>> changes) {
    }

    public record Missing(long keyId, String email, String status) {
    }

    /** A panel client the shop has no live key for ({@code revokedKeyId} when the shop revoked it). */
    public record Orphan(String email, int inboundId, Instant expiresAt, boolean enabled, Long revokedKeyId) {
    }
}
