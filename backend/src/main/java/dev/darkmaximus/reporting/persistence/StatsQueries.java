package dev.darkmaximus.reporting.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.subscription.KeyStates;

/**
 * Read-only figures across features' tables (payments, customers, keys). Reporting reads them on purpose and never
 * writes; every change still goes through the owning service.
 */
@Repository
public class StatsQueries {

    private final JdbcClient jdbc;

    public StatsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Money received in {@code currency} in [from, to), as the dashboard counts it: balance spending is not new
     * money, and a payment refunded later was still received that day.
     */
    public long revenue(String currency, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p
                        WHERE p.status IN (%s) AND p.currency = :currency
                          AND p.provider <> '%s' AND p.succeeded_at >= :from AND p.succeeded_at < :to"""
                        .formatted(PaymentStatus.PAID_SQL, PaymentMethod.BALANCE.name()))
                .param("currency", currency).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Long.class).single();
    }

    public long payments(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT count(*) FROM payments p WHERE p.status IN (%s)
                          AND p.succeeded_at >= :from AND p.succeeded_at < :to"""
                        .formatted(PaymentStatus.PAID_SQL))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    public long newCustomers(Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE registered_at >= :from AND registered_at < :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
    }

    public long activeKeys() {
        return jdbc.sql("SELECT count(*) FROM vpn_keys WHERE status IN (" + KeyStates.ACTIVE_SQL + ")").query(Long.class).single();
    }
}
