package dev.darkmaximus.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures across features for admins (the bot's {@code /admin}, the daily summary). Reporting reads
 * several features' tables on purpose and never writes; every change still goes through the owning service.
 */
@Service
public class ShopStats {

    private final JdbcClient jdbc;
    private final Clock clock;

    ShopStats(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today so far in the shop's time zone. */
    @Transactional(readOnly = true)
    public Day today(ZoneId zone) {
        return day(LocalDate.now(clock.withZone(zone)), zone);
    }

    @Transactional(readOnly = true)
    public Day day(LocalDate date, ZoneId zone) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        long revenue = jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p
                        WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND p.currency = 'RUB'
                          AND p.provider <> 'BALANCE' AND p.succeeded_at >= :from AND p.succeeded_at < :to""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
        long stars = jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p
                        WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND p.currency = 'XTR'
                          AND p.succeeded_at >= :from AND p.succeeded_at < :to""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
        long payments = jdbc.sql("""
                        SELECT count(*) FROM payments p WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                          AND p.succeeded_at >= :from AND p.succeeded_at < :to""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
        long customers = jdbc.sql("SELECT count(*) FROM customers WHERE registered_at >= :from AND registered_at < :to")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(Long.class).single();
        long activeKeys = jdbc.sql("SELECT count(*) FROM vpn_keys WHERE status = 'ACTIVE'").query(Long.class).single();
        return new Day(date, revenue, stars, payments, customers, activeKeys);
    }

    /** @param revenueRubMinor kopecks paid by card (balance spending is not new money) */
    public record Day(LocalDate date, long revenueRubMinor, long revenueStars, long payments, long newCustomers,
                      long activeKeys) {
    }
}
