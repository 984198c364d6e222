package dev.darkmaximus.billing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and small writes across billing's tables that don't fit one aggregate. */
@Repository
public class MoneyQueries {

    private final JdbcClient jdbc;

    public MoneyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the customer ever paid for a key (top-ups don't count: they buy nothing yet). */
    public boolean hasPaidPurchase(long customerId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = :c AND kind <> 'TOP_UP'
                               AND status IN ('PAID', 'FULFILLED', 'REFUNDED'))""")
                .param("c", customerId).query(Boolean.class).single();
    }

    public void addToTotal(long customerId, String currency, long amount) {
        jdbc.sql("""
                INSERT INTO customer_totals (customer_id, currency, total_spent_minor) VALUES (:c, :cur, :a)
                ON CONFLICT (customer_id, currency)
                DO UPDATE SET total_spent_minor = customer_totals.total_spent_minor + EXCLUDED.total_spent_minor""")
                .param("c", customerId).param("cur", currency).param("a", amount).update();
    }

    /** What the customer has paid in all, per currency (code → minor units), largest first. */
    public Map<String, Long> totalSpent(long customerId) {
        Map<String, Long> totals = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT currency, total_spent_minor FROM customer_totals
                        WHERE customer_id = :c AND total_spent_minor > 0 ORDER BY total_spent_minor DESC""")
                .param("c", customerId).query((java.sql.ResultSet rs) -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        return totals;
    }

    /** Everything ever credited as referral rewards, less reversals. */
    public long referralEarnings(long customerId, String currency) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(amount_minor), 0) FROM balance_entries
                WHERE customer_id = :c AND kind = 'REFERRAL_REWARD' AND currency = :cur""")
                .param("c", customerId).param("cur", currency).query(Long.class).single();
    }

    /** The statement with each line's account (MAIN or REFERRAL), newest first. */
    public List<StatementRow> statement(long customerId, Long before, int limit) {
        return jdbc.sql("""
                SELECT e.id, a.account, e.amount_minor, e.currency, e.kind, e.reference_type, e.reference_id,
                       e.reason, e.balance_after_minor, e.created_at
                FROM balance_entries e JOIN balance_accounts a ON a.id = e.account_id
                WHERE e.customer_id = :c AND (CAST(:before AS bigint) IS NULL OR e.id < CAST(:before AS bigint))
                ORDER BY e.id DESC LIMIT :limit""")
                .param("c", customerId).param("before", before).param("limit", limit)
                .query(StatementRow.class).list();
    }

    /** Admin's transactions list: payments with their order, filtered, newest first, cursor by id. */
    public List<PaymentRow> searchPayments(String status, String provider, Long customerId, Instant from,
                                           Instant to, Long startingAfter, int limit) {
        return searchPayments(status, provider, customerId, from, to, startingAfter, "p.id DESC", 0, limit);
    }

    /** Sortable fields of the admin's payment list, and their columns. */
    public static final Map<String, String> PAYMENT_SORTS = Map.of("createdAt", "p.created_at",
            "amount", "p.amount_minor", "status", "p.status", "provider", "p.provider", "customer", "c.number");

    /** @param orderBy from {@link dev.darkmaximus.platform.web.ListSort} over {@link #PAYMENT_SORTS} only */
    public List<PaymentRow> searchPayments(String status, String provider, Long customerId, Instant from,
                                           Instant to, Long startingAfter, String orderBy, int offset, int limit) {
        return jdbc.sql("""
                SELECT p.id, p.order_id, o.customer_id, c.number AS customer_number, o.kind AS order_kind,
                       o.status AS order_status, p.provider, p.provider_payment_id, p.amount_minor, p.currency,
                       p.status, p.refunded_minor, p.created_at, p.succeeded_at
                FROM payments p JOIN orders o ON o.id = p.order_id JOIN customers c ON c.id = o.customer_id
                WHERE (CAST(:status AS varchar) IS NULL OR p.status = CAST(:status AS varchar))
                  AND (CAST(:provider AS varchar) IS NULL OR p.provider = CAST(:provider AS varchar))
                  AND (CAST(:customerId AS bigint) IS NULL OR o.customer_id = CAST(:customerId AS bigint))
                  AND (CAST(:from AS timestamptz) IS NULL OR p.created_at >= CAST(:from AS timestamptz))
                  AND (CAST(:to AS timestamptz) IS NULL OR p.created_at < CAST(:to AS timestamptz))
                  AND (CAST(:after AS bigint) IS NULL OR p.id < CAST(:after AS bigint))
                ORDER BY %s OFFSET :offset LIMIT :limit""".formatted(orderBy))
                .param("status", status).param("provider", provider).param("customerId", customerId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .param("after", startingAfter).param("offset", offset).param("limit", limit)
                .query(PaymentRow.class).list();
    }

    public record StatementRow(long id, String account, long amountMinor, String currency, String kind,
                               String referenceType, Long referenceId, String reason, long balanceAfterMinor,
                               Timestamp createdAt) {
    }

    public record PaymentRow(long id, long orderId, long customerId, long customerNumber, String orderKind,
                             String orderStatus, String provider, String providerPaymentId, long amountMinor,
                             String currency, String status, long refundedMinor, Timestamp createdAt,
                             Timestamp succeededAt) {
    }
}
