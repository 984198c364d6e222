package dev.darkmaximus.integration.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The feed's table. A page holds only rows of transactions older than every transaction still running, in the
 * order of those transactions' ids, so a cursor never passes a row that is yet to commit (see migration 015).
 */
@Repository
public class EventStore {

    private final JdbcClient jdbc;

    public EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long append(String type, Instant at, String json) {
        return jdbc.sql("""
                        INSERT INTO integration_events (type, occurred_at, data)
                        VALUES (:type, :at, CAST(:data AS jsonb)) RETURNING id""")
                .param("type", type).param("at", Timestamp.from(at)).param("data", json).query(Long.class).single();
    }

    /** Rows after the cursor ({@code tx}, {@code id}); the first page starts at (0, 0). */
    public List<StoredEvent> after(String tx, long id, int limit) {
        return jdbc.sql("""
                        SELECT id, CAST(tx AS text) AS tx, type, occurred_at, CAST(data AS text) AS data
                        FROM integration_events
                        WHERE tx < pg_snapshot_xmin(pg_current_snapshot())
                          AND (tx, id) > (CAST(:tx AS xid8), :id)
                        ORDER BY tx, id
                        LIMIT :limit""")
                .param("tx", tx).param("id", id).param("limit", limit)
                .query((rs, n) -> new StoredEvent(rs.getLong("id"), rs.getString("tx"), rs.getString("type"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("data")))
                .list();
    }

    public int deleteOccurredBefore(Instant before) {
        return jdbc.sql("DELETE FROM integration_events WHERE occurred_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    public record StoredEvent(long id, String tx, String type, Instant occurredAt, String json) {
    }
}
