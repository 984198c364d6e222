package dev.darkmaximus.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.reporting.persistence.StatsQueries;

/**
 * Read-only figures across features for admins (the bot's {@code /admin}, the daily summary), days cut in the
 * shop's time zone.
 */
@Service
public class ShopStats {

    private final StatsQueries queries;
    private final Clock clock;

    ShopStats(StatsQueries queries, Clock clock) {
        this.queries = queries;
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
        long revenue = queries.revenue("RUB", from, to);
        long stars = queries.revenue("XTR", from, to);
        long payments = queries.payments(from, to);
        long customers = queries.newCustomers(from, to);
        long activeKeys = queries.activeKeys();
        return new Day(date, revenue, stars, payments, customers, activeKeys);
    }

    /** @param revenueRubMinor kopecks paid by card (balance spending is not new money) */
    public record Day(LocalDate date, long revenueRubMinor, long revenueStars, long payments, long newCustomers,
                      long activeKeys) {
    }
}
