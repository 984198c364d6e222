package dev.darkmaximus.notify.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.subscription.KeyStates;

/**
 * Broadcasts and their recipients. Picking an audience reads other features' tables (keys, payments, groups) on
 * purpose: it is a read-only selection, like reporting, and every change to those still goes through their owners.
 */
@Repository
public class BroadcastStore {

    private final JdbcClient jdbc;

    public BroadcastStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(long id, Long authorId, String text, String imageFileId, String buttonsJson, String audienceJson,
                      Instant scheduledAt, String status, Instant startedAt, Instant finishedAt, Instant createdAt) {
    }

    public record Recipient(long customerId, long telegramId, String status) {

        public boolean claimed() {
            return "SENDING".equals(status);
        }
    }

    /** The audience filter as SQL over {@code customers c}; parameters are bound by name. */
    public record Filter(String kind, Integer days, Long hostId, Long groupId, String language) {
    }

    public long insert(Long authorId, String text, String imageFileId, String buttonsJson, String audienceJson) {
        return jdbc.sql("""
                        INSERT INTO broadcasts (author_id, text, image_file_id, buttons, audience)
                        VALUES (:author, :text, :image, CAST(:buttons AS jsonb), CAST(:audience AS jsonb)) RETURNING id""")
                .param("author", authorId).param("text", text).param("image", imageFileId)
                .param("buttons", buttonsJson).param("audience", audienceJson).query(Long.class).single();
    }

    public int updateDraft(long id, String text, String imageFileId, String buttonsJson, String audienceJson) {
        return jdbc.sql("""
                        UPDATE broadcasts SET text = :text, image_file_id = :image, buttons = CAST(:buttons AS jsonb),
                               audience = CAST(:audience AS jsonb), updated_at = now(), version = version + 1
                        WHERE id = :id AND status IN ('DRAFT', 'SCHEDULED')""")
                .param("id", id).param("text", text).param("image", imageFileId)
                .param("buttons", buttonsJson).param("audience", audienceJson).update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Row.class).optional();
    }

    public Optional<Row> lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(Row.class).optional();
    }

    public List<Row> list(Long before, int limit) {
        return jdbc.sql(SELECT + " WHERE (CAST(:before AS bigint) IS NULL OR id < :before) ORDER BY id DESC LIMIT :limit")
                .param("before", before).param("limit", limit).query(Row.class).list();
    }

    /** Moves {@code id} from one of {@code from} to {@code to}; false if it was in none of them. */
    public boolean transition(long id, List<String> from, String to, Instant scheduledAt) {
        return jdbc.sql("""
                        UPDATE broadcasts SET status = :to, updated_at = now(), version = version + 1,
                               scheduled_at = COALESCE(CAST(:scheduledAt AS timestamptz), scheduled_at),
                               finished_at = CASE WHEN :to IN ('DONE', 'CANCELED') THEN now()
                                                  WHEN :to = 'RUNNING' THEN NULL ELSE finished_at END
                        WHERE id = :id AND status IN (:from)""")
                .param("id", id).param("from", from).param("to", to)
                .param("scheduledAt", scheduledAt == null ? null : Timestamp.from(scheduledAt)).update() == 1;
    }

    public List<Long> due(Instant now) {
        return jdbc.sql("SELECT id FROM broadcasts WHERE status = 'SCHEDULED' AND scheduled_at <= :now ORDER BY id")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    public List<Long> running() {
        return jdbc.sql("SELECT id FROM broadcasts WHERE status = 'RUNNING' ORDER BY id").query(Long.class).list();
    }

    public long countAudience(Filter filter, Instant now) {
        return bind(jdbc.sql("SELECT count(*) FROM customers c WHERE " + where(filter)), filter, now)
                .query(Long.class).single();
    }

    /** Fixes the recipient list and marks the broadcast started; returns how many recipients it has. */
    public long materialize(long broadcastId, Filter filter, Instant now) {
        bind(jdbc.sql("INSERT INTO broadcast_recipients (broadcast_id, customer_id) SELECT :broadcast, c.id "
                + "FROM customers c WHERE " + where(filter) + " ON CONFLICT DO NOTHING"), filter, now)
                .param("broadcast", broadcastId).update();
        long total = jdbc.sql("SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = :id")
                .param("id", broadcastId).query(Long.class).single();
        jdbc.sql("UPDATE broadcasts SET total_count = :total, started_at = :now, status = 'RUNNING', updated_at = now(), "
                        + "version = version + 1 WHERE id = :id")
                .param("total", total).param("now", Timestamp.from(now)).param("id", broadcastId).update();
        return total;
    }

    /**
     * Claims up to {@code limit} pending recipients (SENDING) for this node; rows another node holds are skipped.
     * Recipients who blocked the bot or were banned since the start are settled in the same statement instead
     * (returned with that status, not SENDING).
     */
    public List<Recipient> claim(long broadcastId, int limit, Instant now) {
        return jdbc.sql("""
                        WITH picked AS (
                            SELECT customer_id FROM broadcast_recipients
                            WHERE broadcast_id = :id AND status = 'PENDING'
                            ORDER BY customer_id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        UPDATE broadcast_recipients r
                        SET status = CASE WHEN c.banned THEN 'FAILED' WHEN NOT c.reachable THEN 'BLOCKED' ELSE 'SENDING' END,
                            error = CASE WHEN c.banned THEN 'banned since the start'
                                         WHEN NOT c.reachable THEN 'bot blocked' END,
                            claimed_at = :now
                        FROM picked p, customers c
                        WHERE r.broadcast_id = :id AND r.customer_id = p.customer_id AND c.id = r.customer_id
                        RETURNING r.customer_id, c.telegram_id, r.status""")
                .param("id", broadcastId).param("limit", limit).param("now", Timestamp.from(now))
                .query(Recipient.class).list();
    }

    public void settleSent(long broadcastId, List<Long> customerIds, Instant at) {
        if (customerIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE broadcast_recipients SET status = 'SENT', error = NULL, sent_at = :at
                        WHERE broadcast_id = :id AND customer_id IN (:customers) AND status = 'SENDING'""")
                .param("id", broadcastId).param("customers", customerIds).param("at", Timestamp.from(at)).update();
    }

    public void settle(long broadcastId, long customerId, String status, String error, Instant at) {
        jdbc.sql("""
                        UPDATE broadcast_recipients SET status = :status, error = :error,
                               sent_at = CASE WHEN :status = 'SENT' THEN CAST(:at AS timestamptz) END
                        WHERE broadcast_id = :id AND customer_id = :customer AND status = 'SENDING'""")
                .param("id", broadcastId).param("customer", customerId).param("status", status)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("at", Timestamp.from(at)).update();
    }

    /** The claiming node is alive and still waiting on these sends: their claims are as fresh as its lease. */
    public void touchClaims(long broadcastId, List<Long> customerIds, Instant now) {
        jdbc.sql("""
                        UPDATE broadcast_recipients SET claimed_at = :now
                        WHERE broadcast_id = :id AND customer_id IN (:customers) AND status = 'SENDING'""")
                .param("id", broadcastId).param("customers", customerIds).param("now", Timestamp.from(now)).update();
    }

    /** A claimed recipient that was never sent (the node is stopping) goes back to the queue. */
    public void release(long broadcastId, long customerId) {
        jdbc.sql("""
                        UPDATE broadcast_recipients SET status = 'PENDING', claimed_at = NULL
                        WHERE broadcast_id = :id AND customer_id = :customer AND status = 'SENDING'""")
                .param("id", broadcastId).param("customer", customerId).update();
    }

    /**
     * Claims older than {@code before} belong to a node that stopped mid-send: some may have arrived, so they are
     * settled INTERRUPTED, never sent again on their own (an admin may {@link #requeueInterrupted resend}).
     */
    public int settleAbandoned(Instant before) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients SET status = 'INTERRUPTED',
                               error = 'the node sending it stopped; it may or may not have arrived'
                        WHERE status = 'SENDING' AND claimed_at < :before""")
                .param("before", Timestamp.from(before)).update();
    }

    /** Puts a broadcast's interrupted recipients back in the queue; returns how many. */
    public int requeueInterrupted(long broadcastId) {
        return jdbc.sql("""
                        UPDATE broadcast_recipients SET status = 'PENDING', error = NULL, claimed_at = NULL
                        WHERE broadcast_id = :id AND status = 'INTERRUPTED'""")
                .param("id", broadcastId).update();
    }

    public record RecipientRow(long customerId, long customerNumber, String status, String error,
                               Instant sentAt) {
    }

    /** One page of recipients in customer order, optionally of one status, after {@code afterCustomerId}. */
    public List<RecipientRow> recipients(long broadcastId, String status, Long afterCustomerId, int limit) {
        return jdbc.sql("""
                        SELECT r.customer_id, c.number AS customer_number, r.status, r.error, r.sent_at
                        FROM broadcast_recipients r JOIN customers c ON c.id = r.customer_id
                        WHERE r.broadcast_id = :id AND (CAST(:status AS varchar) IS NULL OR r.status = :status)
                          AND (CAST(:after AS bigint) IS NULL OR r.customer_id > :after)
                        ORDER BY r.customer_id LIMIT :limit""")
                .param("id", broadcastId).param("status", status).param("after", afterCustomerId)
                .param("limit", limit).query(RecipientRow.class).list();
    }

    public Map<String, Long> counts(long broadcastId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM broadcast_recipients WHERE broadcast_id = :id GROUP BY status")
                .param("id", broadcastId)
                .query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Finishes a running broadcast once nothing is pending or in flight, storing its final counters. */
    public boolean finishIfComplete(long broadcastId) {
        return jdbc.sql("""
                        UPDATE broadcasts b SET status = 'DONE', finished_at = now(), updated_at = now(),
                               version = version + 1,
                               sent_count = (SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = b.id AND status = 'SENT'),
                               failed_count = (SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = b.id AND status = 'FAILED'),
                               blocked_count = (SELECT count(*) FROM broadcast_recipients WHERE broadcast_id = b.id AND status = 'BLOCKED')
                        WHERE b.id = :id AND b.status = 'RUNNING' AND NOT EXISTS (
                            SELECT 1 FROM broadcast_recipients WHERE broadcast_id = b.id AND status IN ('PENDING', 'SENDING'))""")
                .param("id", broadcastId).update() == 1;
    }

    private static final String SELECT = """
            SELECT id, author_id, text, image_file_id, CAST(buttons AS text) AS buttons_json,
                   CAST(audience AS text) AS audience_json, scheduled_at, status, started_at, finished_at, created_at
            FROM broadcasts""";

    private static String where(Filter filter) {
        String paid = """
                EXISTS (SELECT 1 FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.customer_id = c.id
                        AND p.status IN (""" + PaymentStatus.PAID_SQL + "))";
        String hasActiveKey = "EXISTS (SELECT 1 FROM vpn_keys k WHERE k.customer_id = c.id AND k.status IN ("
                + KeyStates.ACTIVE_SQL + "))";
        String audience = switch (filter.kind()) {
            case "ALL" -> "TRUE";
            case "ACTIVE_KEYS" -> hasActiveKey;
            case "EXPIRED_KEYS" -> """
                    EXISTS (SELECT 1 FROM vpn_keys k WHERE k.customer_id = c.id AND k.status IN (%s)
                            AND k.expires_at >= CAST(:now AS timestamptz) - make_interval(days => :days))
                    AND NOT\s""".formatted(KeyStates.EXPIRED_SQL) + hasActiveKey;
            case "NEVER_PAID" -> "NOT " + paid;
            case "TRIAL_ONLY" -> "c.trial_used AND NOT " + paid;
            case "HOST" -> "EXISTS (SELECT 1 FROM vpn_keys k WHERE k.customer_id = c.id AND k.status IN ("
                    + KeyStates.ACTIVE_SQL + ") AND k.host_id = :host)";
            case "GROUP" -> "EXISTS (SELECT 1 FROM customer_group_members m WHERE m.customer_id = c.id "
                    + "AND m.group_id = :group)";
            default -> throw new IllegalArgumentException("unknown audience " + filter.kind());
        };
        return "NOT c.banned AND c.reachable AND (" + audience + ")"
                + (filter.language() == null ? "" : " AND c.language = :language");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter, Instant now) {
        JdbcClient.StatementSpec bound = switch (filter.kind()) {
            case "EXPIRED_KEYS" -> statement.param("now", Timestamp.from(now)).param("days", filter.days());
            case "HOST" -> statement.param("host", filter.hostId());
            case "GROUP" -> statement.param("group", filter.groupId());
            default -> statement;
        };
        return filter.language() == null ? bound : bound.param("language", filter.language());
    }
}
