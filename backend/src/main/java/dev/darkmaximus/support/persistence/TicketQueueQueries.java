package dev.darkmaximus.support.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The operators' ticket queue: tickets with their customer's name, so a page is one query rather than one per row.
 */
@Repository
public class TicketQueueQueries {

    private final JdbcClient jdbc;

    TicketQueueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param statuses      which statuses to include
     * @param assigneeId    only this staff member's tickets; null = anyone's
     * @param unassigned    only tickets nobody took (ignored when assigneeId is given)
     * @param customerId    only this customer's tickets; null = everyone's
     * @param startingAfter the id of the last ticket of the previous page (newest activity first, then id)
     */
    public List<QueueRow> page(List<String> statuses, Long assigneeId, boolean unassigned, Long customerId,
                               Long startingAfter, int limit) {
        return jdbc.sql("""
                        SELECT t.id, t.customer_id, c.username, c.first_name, t.subject, t.status, t.assignee_id,
                               s.username AS assignee_name, t.last_customer_message_at, t.last_operator_message_at,
                               t.updated_at, t.created_at,
                               (SELECT count(*) FROM ticket_messages m WHERE m.ticket_id = t.id) AS message_count
                        FROM support_tickets t
                        JOIN customers c ON c.id = t.customer_id
                        LEFT JOIN staff s ON s.id = t.assignee_id
                        WHERE t.status IN (:statuses)
                          AND (CAST(:assignee AS BIGINT) IS NULL OR t.assignee_id = :assignee)
                          AND (NOT :unassigned OR t.assignee_id IS NULL)
                          AND (CAST(:customer AS BIGINT) IS NULL OR t.customer_id = :customer)
                          AND (CAST(:after AS BIGINT) IS NULL OR (t.updated_at, t.id) <
                               (SELECT a.updated_at, a.id FROM support_tickets a WHERE a.id = :after))
                        ORDER BY t.updated_at DESC, t.id DESC
                        LIMIT :limit""")
                .param("statuses", statuses)
                .param("assignee", assigneeId)
                .param("unassigned", unassigned && assigneeId == null)
                .param("customer", customerId)
                .param("after", startingAfter)
                .param("limit", limit)
                .query((rs, n) -> new QueueRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("username"),
                        rs.getString("first_name"), rs.getString("subject"), rs.getString("status"),
                        (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
                        instant(rs.getTimestamp("last_customer_message_at")),
                        instant(rs.getTimestamp("last_operator_message_at")), instant(rs.getTimestamp("updated_at")),
                        instant(rs.getTimestamp("created_at")), rs.getInt("message_count")))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public record QueueRow(long id, long customerId, String customerUsername, String customerFirstName,
                           String subject, String status, Long assigneeId, String assigneeName,
                           Instant lastCustomerMessageAt, Instant lastOperatorMessageAt, Instant updatedAt,
                           Instant createdAt, int messageCount) {
    }
}
