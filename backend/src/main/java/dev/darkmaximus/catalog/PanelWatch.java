package dev.darkmaximus.catalog;

import java.time.Duration;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.platform.jobs.JobLeases;

/**
 * Checks every enabled host's panel now and then and tells the admin chat when one goes down or comes back (SPEC §8):
 * one alert per change, not one per check.
 */
@Component
public class PanelWatch {

    private static final String LEASE = "panels.watch";

    private final HostService hosts;
    private final AdminAlerts alerts;
    private final TransactionTemplate tx;
    private final JobLeases leases;
    private final boolean enabled;

    PanelWatch(HostService hosts, AdminAlerts alerts, TransactionTemplate tx, JobLeases leases,
               @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.hosts = hosts;
        this.alerts = alerts;
        this.tx = tx;
        this.leases = leases;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${dm.jobs.panel-watch-interval:2m}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void scheduled() {
        if (!enabled || !leases.tryAcquire(LEASE, Duration.ofMinutes(5))) {
            return;
        }
        try {
            runOnce();
        } finally {
            leases.release(LEASE);
        }
    }

    /** Checks each enabled host; returns how many changed state. */
    public int runOnce() {
        int changes = 0;
        for (HostView host : hosts.list()) {
            if (host.enabled() && check(host.id())) {
                changes++;
            }
        }
        return changes;
    }

    /** Checks one host's panel; says whether it went down or came back since the last check. */
    public boolean check(long hostId) {
        HostView host = hosts.get(hostId);
        boolean wasDown = host.healthLastErrorAt() != null
                && (host.healthLastOkAt() == null || host.healthLastErrorAt().isAfter(host.healthLastOkAt()));
        HostHealth health = hosts.checkConnection(host.id());
        if (wasDown != health.ok()) {
            return false;
        }
        String dedup = "panel:" + host.id() + ":" + (health.ok() ? "up" : "down") + ":"
                + health.checkedAt().toEpochMilli();
        tx.executeWithoutResult(status -> alerts.queue(health.ok() ? AlertTemplates.PANEL_UP
                : AlertTemplates.PANEL_DOWN, Map.of("host", host.name(), "error", String.valueOf(health.error())), dedup));
        return true;
    }
}
