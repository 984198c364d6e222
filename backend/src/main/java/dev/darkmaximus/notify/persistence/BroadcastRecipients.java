package dev.darkmaximus.notify.persistence;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Per-recipient delivery state of a broadcast. Rows have a composite key, so they are handled with plain SQL rather
 * than as an aggregate.
 */
@Repository
public class BroadcastRecipients {

    private final JdbcClient jdbc;

    public BroadcastRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds recipients in one statement (callers pass at most a few thousand ids per call); repeats are ignored. */
    public int addAll(long broadcastId, List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                INSERT INTO broadcast_recipients (broadcast_id, customer_id)
                SELECT :b, id FROM customers WHERE id IN (:ids)
                ON CONFLICT DO NOTHING""").param("b", broadcastId).param("ids", customerIds).update();
    }

    /** The next recipients still to send to, locked so two runners never send the same message twice. */
    public List<Long> claimPending(long broadcastId, int limit) {
        return jdbc.sql("""
                SELECT customer_id FROM broadcast_recipients WHERE broadcast_id = :b AND status = 'PENDING'
                ORDER BY customer_id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("b", broadcastId).param("limit", limit).query(Long.class).list();
    }

    public void mark(long broadcastId, long customerId, String status, String error) {
        jdbc.sql("""
                UPDATE broadcast_recipients SET status = :status, error = :error,
                       sent_at = CASE WHEN :status = 'SENT' THEN now() ELSE sent_at END
                WHERE broadcast_id = :b AND customer_id = :c""")
                .param("status", status).param("error", error).param("b", broadcastId).param("c", customerId).update();
    }
}
