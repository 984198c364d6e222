package dev.darkmaximus.subscription.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Traffic and last-online, as a sync reads them for every key of a host, written in JDBC batches: one statement per
 * key and round trip made a 50,000-client panel's sync take over a minute (make bench). Traffic changes all the
 * time and is the panel's to own: no version bump, nothing to push back.
 */
@Repository
public class KeyUsageWriter {

    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    KeyUsageWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Usage(long keyId, long usedBytes, Instant lastOnlineAt) {
    }

    public void record(List<Usage> usages, Instant at) {
        Timestamp syncedAt = Timestamp.from(at);
        for (int from = 0; from < usages.size(); from += BATCH) {
            List<Usage> batch = usages.subList(from, Math.min(usages.size(), from + BATCH));
            jdbc.batchUpdate("""
                    UPDATE vpn_keys SET traffic_used_bytes = ?, last_online_at = ?, last_synced_at = ?,
                                        panel_missing_since = NULL
                    WHERE id = ?""", batch, batch.size(), (ps, usage) -> {
                ps.setLong(1, usage.usedBytes());
                ps.setTimestamp(2, usage.lastOnlineAt() == null ? null : Timestamp.from(usage.lastOnlineAt()));
                ps.setTimestamp(3, syncedAt);
                ps.setLong(4, usage.keyId());
            });
        }
    }
}
