package dev.darkmaximus.reporting.persistence;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The counts behind the shop's gauges: grouped by a handful of low-cardinality columns each. */
@Repository
public class GaugeQueries {

    private final JdbcClient jdbc;

    public GaugeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Value> payments() {
        return grouped("SELECT provider, status, count(*) FROM payments GROUP BY provider, status",
                "provider", "status");
    }

    public List<Value> orders() {
        return grouped("SELECT kind, status, count(*) FROM orders GROUP BY kind, status", "kind", "status");
    }

    public List<Value> keys() {
        return grouped("SELECT CAST(host_id AS text), status, count(*) FROM vpn_keys GROUP BY host_id, status",
                "host", "status");
    }

    public List<Value> customers() {
        return grouped("SELECT CAST(banned AS text), count(*) FROM customers GROUP BY banned", "banned");
    }

    public List<Value> outboxPending() {
        return grouped("SELECT kind, count(*) FROM outbox_tasks WHERE status IN ('PENDING', 'RUNNING') GROUP BY kind",
                "kind");
    }

    public List<Value> outboxDead() {
        return grouped("SELECT kind, count(*) FROM outbox_tasks WHERE status = 'DEAD' GROUP BY kind", "kind");
    }

    /** Seconds since the oldest task due now became due: 0 when the worker keeps up. */
    public List<Value> outboxLag() {
        return grouped("""
                SELECT kind, COALESCE(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0)
                FROM outbox_tasks WHERE status = 'PENDING' AND next_attempt_at <= now() GROUP BY kind""", "kind");
    }

    public List<Value> panelsUp() {
        return grouped("""
                SELECT CAST(id AS text),
                       CASE WHEN circuit_state = 'OPEN' OR (health_last_error_at IS NOT NULL
                            AND (health_last_ok_at IS NULL OR health_last_error_at > health_last_ok_at))
                            THEN 0 ELSE 1 END
                FROM hosts WHERE enabled""", "host");
    }

    public List<Value> broadcastRecipients() {
        return grouped("""
                SELECT r.status, count(*) FROM broadcast_recipients r
                JOIN broadcasts b ON b.id = r.broadcast_id WHERE b.status = 'RUNNING' GROUP BY r.status""", "status");
    }

    /** Rows of the tag columns (in order) and a number last. */
    private List<Value> grouped(String sql, String... tagNames) {
        return jdbc.sql(sql).query((rs, n) -> {
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < tagNames.length; i++) {
                tags.add(Tag.of(tagNames[i], rs.getString(i + 1)));
            }
            return new Value(tags, rs.getDouble(tagNames.length + 1));
        }).list();
    }

    public record Value(List<Tag> tags, double value) {
    }
}
