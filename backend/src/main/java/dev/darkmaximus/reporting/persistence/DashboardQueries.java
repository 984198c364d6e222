package dev.darkmaximus.reporting.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.subscription.KeyStates;

/**
 * The dashboard's figures per day of the shop's time zone, read across features' tables in a few grouped queries
 * (one per figure, not one per day). Read-only, like {@link StatsQueries}.
 */
@Repository
public class DashboardQueries {

    /** Money received: balance spending is not new money, and a refunded payment was still received that day. */
    private static final String RECEIVED = "p.status IN (" + PaymentStatus.PAID_SQL + ") "
            + "AND p.provider <> '" + PaymentMethod.BALANCE.name() + "'";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DayRevenue> revenueByDay(LocalDate from, LocalDate to, String zone) {
        return jdbc.sql("""
                        SELECT (p.succeeded_at AT TIME ZONE :zone)::date AS day, p.currency,
                               SUM(p.amount_minor) AS amount, count(*) AS payments
                        FROM payments p
                        WHERE %s AND p.succeeded_at >= :fromTs AND p.succeeded_at < :toTs
                        GROUP BY 1, 2 ORDER BY 1, 2""".formatted(RECEIVED))
                .params(range(from, to, zone))
                .query((rs, n) -> new DayRevenue(rs.getDate("day").toLocalDate(), rs.getString("currency"),
                        rs.getLong("amount"), rs.getLong("payments")))
                .list();
    }

    public List<DayCount> newCustomersByDay(LocalDate from, LocalDate to, String zone) {
        return jdbc.sql("""
                        SELECT (registered_at AT TIME ZONE :zone)::date AS day, count(*) AS n FROM customers
                        WHERE registered_at >= :fromTs AND registered_at < :toTs GROUP BY 1 ORDER BY 1""")
                .params(range(from, to, zone))
                .query((rs, n) -> new DayCount(rs.getDate("day").toLocalDate(), rs.getLong("n"))).list();
    }

    /**
     * Keys valid at the end of each day: started by then and not yet expired. Keys revoked or never provisioned
     * are left out altogether, since when they stopped is not recorded.
     */
    public List<DayCount> activeKeysByDay(LocalDate from, LocalDate to, String zone) {
        return jdbc.sql("""
                        SELECT d.day::date AS day, count(k.id) AS n
                        FROM generate_series(CAST(:fromDate AS date), CAST(:toDate AS date), interval '1 day') AS d(day)
                        LEFT JOIN vpn_keys k
                          ON k.status IN (%s)
                         AND k.starts_at < ((d.day + interval '1 day') AT TIME ZONE :zone)
                         AND k.expires_at >= ((d.day + interval '1 day') AT TIME ZONE :zone)
                        GROUP BY 1 ORDER BY 1""".formatted(KeyStates.STARTED_SQL))
                .params(range(from, to, zone))
                .query((rs, n) -> new DayCount(rs.getDate("day").toLocalDate(), rs.getLong("n"))).list();
    }

    public List<Slice> revenueByProvider(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT p.provider AS name, NULL AS host_id, p.currency, SUM(p.amount_minor) AS amount,
                               count(*) AS payments
                        FROM payments p WHERE %s AND p.succeeded_at >= :fromTs AND p.succeeded_at < :toTs
                        GROUP BY p.provider, p.currency ORDER BY amount DESC""".formatted(RECEIVED))
                .param("fromTs", Timestamp.from(from)).param("toTs", Timestamp.from(to))
                .query(DashboardQueries::slice).list();
    }

    /** By the host of the key bought or extended; balance top-ups belong to no host. */
    public List<Slice> revenueByHost(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT h.name, h.id AS host_id, p.currency, SUM(p.amount_minor) AS amount, count(*) AS payments
                        FROM payments p
                        JOIN orders o ON o.id = p.order_id
                        LEFT JOIN vpn_keys k ON k.id = o.key_id
                        LEFT JOIN plans pl ON pl.id = o.plan_id
                        LEFT JOIN hosts h ON h.id = COALESCE(k.host_id, pl.host_id)
                        WHERE %s AND p.succeeded_at >= :fromTs AND p.succeeded_at < :toTs
                        GROUP BY h.name, h.id, p.currency ORDER BY amount DESC""".formatted(RECEIVED))
                .param("fromTs", Timestamp.from(from)).param("toTs", Timestamp.from(to))
                .query(DashboardQueries::slice).list();
    }

    /** Customers who took a trial in the period, and how many of them have paid for something since. */
    public Conversion trialConversion(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*) AS trials,
                               count(*) FILTER (WHERE EXISTS (
                                   SELECT 1 FROM orders o WHERE o.customer_id = t.customer_id
                                     AND o.status IN (%s) AND o.kind <> '%s'
                                     AND o.paid_at >= t.first_trial)) AS converted
                        FROM (SELECT customer_id, min(created_at) AS first_trial FROM vpn_keys WHERE trial
                              GROUP BY customer_id) t
                        WHERE t.first_trial >= :fromTs AND t.first_trial < :toTs"""
                        .formatted(OrderStatus.WAS_PAID_SQL, OrderKind.TOP_UP.name()))
                .param("fromTs", Timestamp.from(from)).param("toTs", Timestamp.from(to))
                .query((rs, n) -> new Conversion(rs.getLong("trials"), rs.getLong("converted"))).single();
    }

    public OutboxHealth outbox(Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING')) AS pending,
                               count(*) FILTER (WHERE status = 'DEAD') AS dead,
                               min(next_attempt_at) FILTER (WHERE status = 'PENDING' AND next_attempt_at <= :now)
                                   AS oldest_due
                        FROM outbox_tasks WHERE status <> 'DONE'""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> {
                    Timestamp due = rs.getTimestamp("oldest_due");
                    return new OutboxHealth(rs.getLong("pending"), rs.getLong("dead"),
                            due == null ? null : due.toInstant());
                }).single();
    }

    public List<HostHealth> hosts() {
        return jdbc.sql("""
                        SELECT h.id, h.name, h.enabled, h.circuit_state, h.health_last_ok_at, h.health_last_error,
                               h.health_last_error_at, r.outcome, r.finished_at, r.error
                        FROM hosts h
                        LEFT JOIN LATERAL (SELECT outcome, finished_at, error FROM sync_reports s
                                           WHERE s.host_id = h.id ORDER BY s.id DESC LIMIT 1) r ON TRUE
                        ORDER BY h.display_order, h.id""")
                .query((rs, n) -> new HostHealth(rs.getLong("id"), rs.getString("name"), rs.getBoolean("enabled"),
                        rs.getString("circuit_state"), instant(rs.getTimestamp("health_last_ok_at")),
                        rs.getString("health_last_error"), instant(rs.getTimestamp("health_last_error_at")),
                        rs.getString("outcome"), instant(rs.getTimestamp("finished_at")), rs.getString("error")))
                .list();
    }

    private static Map<String, Object> range(LocalDate from, LocalDate to, String zone) {
        ZoneId id = ZoneId.of(zone);
        return Map.of("zone", zone, "fromDate", Date.valueOf(from), "toDate", Date.valueOf(to),
                "fromTs", Timestamp.from(from.atStartOfDay(id).toInstant()),
                "toTs", Timestamp.from(to.plusDays(1).atStartOfDay(id).toInstant()));
    }

    private static Slice slice(ResultSet rs, int n) throws SQLException {
        return new Slice(rs.getString("name"), (Long) rs.getObject("host_id"), rs.getString("currency"),
                rs.getLong("amount"), rs.getLong("payments"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public record DayRevenue(LocalDate day, String currency, long amountMinor, long payments) {
    }

    public record DayCount(LocalDate day, long count) {
    }

    public record Slice(String name, Long hostId, String currency, long amountMinor, long payments) {
    }

    public record Conversion(long trials, long converted) {
    }

    public record OutboxHealth(long pending, long dead, Instant oldestDue) {
    }

    public record HostHealth(long id, String name, boolean enabled, String circuitState, Instant lastOkAt,
                             String lastError, Instant lastErrorAt, String lastSyncOutcome, Instant lastSyncAt,
                             String lastSyncError) {
    }
}
