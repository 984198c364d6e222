package dev.darkmaximus.integration.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One delivery per (endpoint, event), with what its last attempt got: the admins' delivery log. */
@Repository
public class WebhookDeliveries {

    private static final String COLUMNS = """
            id, endpoint_id, event_id, event_type, payload, status, attempts, resends, last_status_code,
            last_duration_ms, last_error, last_attempt_at, delivered_at, created_at""";

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The delivery's id; empty when this event was already queued for the endpoint. */
    public Optional<Long> insert(long endpointId, long eventId, String type, String payload, Instant now) {
        return jdbc.sql("""
                        INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, created_at)
                        VALUES (:endpointId, :eventId, :type, :payload, 'PENDING', :now)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id""")
                .param("endpointId", endpointId).param("eventId", eventId).param("type", type)
                .param("payload", payload).param("now", Timestamp.from(now))
                .query(Long.class).optional();
    }

    public Optional<StoredDelivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id").param("id", id)
                .query(WebhookDeliveries::map).optional();
    }

    /** Newest first; {@code before} is the last id of the previous page. */
    public List<StoredDelivery> of(long endpointId, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM webhook_deliveries
                        WHERE endpoint_id = :endpointId AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("endpointId", endpointId).param("before", before).param("limit", limit)
                .query(WebhookDeliveries::map).list();
    }

    /** One attempt's outcome; {@code status} DELIVERED ends it, PENDING waits for the next try. */
    public void attempted(long id, String status, Integer statusCode, long durationMs, String error, Instant at) {
        jdbc.sql("""
                        UPDATE webhook_deliveries
                        SET status = :status, attempts = attempts + 1, last_status_code = :code,
                            last_duration_ms = :duration, last_error = :error, last_attempt_at = :at,
                            delivered_at = CASE WHEN :status = 'DELIVERED' THEN :at ELSE delivered_at END
                        WHERE id = :id AND status <> 'DELIVERED'""")
                .param("id", id).param("status", status).param("code", statusCode)
                .param("duration", (int) Math.min(durationMs, Integer.MAX_VALUE))
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("at", Timestamp.from(at)).update();
    }

    /** Gives up on a delivery (out of attempts, or its endpoint is off), keeping why. */
    public void failed(long id, String error) {
        jdbc.sql("UPDATE webhook_deliveries SET status = 'FAILED', last_error = :error WHERE id = :id "
                        + "AND status = 'PENDING'")
                .param("id", id).param("error", error).update();
    }

    /** Queues a delivery again; answers its resend number (part of the outbox task's dedup key). */
    public int resend(long id) {
        return jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'PENDING', resends = resends + 1
                        WHERE id = :id RETURNING resends""")
                .param("id", id).query(Integer.class).single();
    }

    public int deleteCreatedBefore(Instant before) {
        return jdbc.sql("DELETE FROM webhook_deliveries WHERE created_at < :before AND status <> 'PENDING'")
                .param("before", Timestamp.from(before)).update();
    }

    private static StoredDelivery map(ResultSet rs, int row) throws SQLException {
        return new StoredDelivery(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("event_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
                rs.getInt("resends"), (Integer) rs.getObject("last_status_code"),
                (Integer) rs.getObject("last_duration_ms"), rs.getString("last_error"),
                WebhookEndpoints.instant(rs, "last_attempt_at"), WebhookEndpoints.instant(rs, "delivered_at"),
                WebhookEndpoints.instant(rs, "created_at"));
    }

    public record StoredDelivery(long id, long endpointId, long eventId, String eventType, String payload,
                                 String status, int attempts, int resends, Integer lastStatusCode,
                                 Integer lastDurationMs, String lastError, Instant lastAttemptAt, Instant deliveredAt,
                                 Instant createdAt) {
    }
}
