package dev.darkmaximus.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Yesterday's figures to the admin chat once a day, from 09:00 shop time (SPEC §8, §14). The job runs often and the
 * alert is deduplicated by date, so a node that was down at nine still sends it, and several nodes send it once.
 */
@Component
public class DailySummary {

    private static final int HOUR = 9;

    private final ShopStats stats;
    private final AdminAlerts alerts;
    private final ShopSettings settings;
    private final Clock clock;
    private final boolean enabled;

    DailySummary(ShopStats stats, AdminAlerts alerts, ShopSettings settings, Clock clock,
                 @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.stats = stats;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Runs in a transaction of its own: the call to {@link #runOnce()} below is inside this bean, past its proxy. */
    @Scheduled(cron = "0 */10 * * * *")
    @Transactional
    void scheduled() {
        if (enabled) {
            runOnce();
        }
    }

    /** Queues yesterday's summary if it is past nine in the shop's time zone; returns the day summarised. */
    @Transactional
    public Optional<LocalDate> runOnce() {
        ZoneId zone = settings.timeZone();
        ZonedDateTime now = clock.instant().atZone(zone);
        if (now.getHour() < HOUR) {
            return Optional.empty();
        }
        LocalDate day = now.toLocalDate().minusDays(1);
        summarize(day);
        return Optional.of(day);
    }

    /** Queues the summary of {@code day} unless it was queued before. */
    @Transactional
    public void summarize(LocalDate day) {
        ShopStats.Day figures = stats.day(day, settings.timeZone());
        alerts.queue(AlertTemplates.DAILY_SUMMARY, Map.of("day", day.toString(),
                "revenue", Money.of(figures.revenueRubMinor(), Currency.RUB).display(),
                "stars", figures.revenueStars() > 0 ? " + " + figures.revenueStars() + " ⭐" : "",
                "payments", Long.toString(figures.payments()), "new_customers", Long.toString(figures.newCustomers()),
                "active_keys", Long.toString(figures.activeKeys())), "daily-summary:" + day);
    }
}
