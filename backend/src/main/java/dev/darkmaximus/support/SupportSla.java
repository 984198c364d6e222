package dev.darkmaximus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Reminds the operators of customers waiting longer than the support SLA (SPEC §12). One reminder per unanswered
 * customer message: a new message from the customer after the reminder can earn another one.
 */
@Component
public class SupportSla {

    private final SupportService support;
    private final AdminAlerts alerts;
    private final ShopSettings settings;
    private final Clock clock;
    private final boolean enabled;

    SupportSla(SupportService support, AdminAlerts alerts, ShopSettings settings, Clock clock,
               @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.clock = clock;
        this.support = support;
        this.alerts = alerts;
        this.settings = settings;
        this.enabled = enabled;
    }

    /** Runs in a transaction of its own: the call to {@link #runOnce()} below is inside this bean, past its proxy. */
    @Scheduled(fixedDelayString = "${dm.jobs.support-sla-interval:10m}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    @Transactional
    void scheduled() {
        if (enabled) {
            runOnce();
        }
    }

    /** Returns how many tickets were found overdue (reminders already sent for them are not repeated). */
    @Transactional
    public int runOnce() {
        Duration sla = settings.supportSla();
        var overdue = support.waitingLongerThan(sla);
        for (TicketView ticket : overdue) {
            TicketView.Message last = ticket.messages().reversed().stream()
                    .filter(m -> "CUSTOMER".equals(m.author())).findFirst().orElse(null);
            if (last == null) {
                continue;
            }
            alerts.queue(AlertTemplates.TICKET_WAITING, Map.of("ticket_id", Long.toString(ticket.id()),
                    "waited", hours(last.createdAt()), "sla_hours", Long.toString(sla.toHours())),
                    "support.sla:" + ticket.id() + ":" + last.id());
        }
        return overdue.size();
    }

    private String hours(Instant since) {
        long minutes = Duration.between(since, clock.instant()).toMinutes();
        return minutes >= 120 ? minutes / 60 + " h" : minutes + " min";
    }
}
