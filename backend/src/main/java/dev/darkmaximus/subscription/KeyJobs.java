package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.catalog.HostView;
import dev.darkmaximus.platform.jobs.JobLeases;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.SyncReport;

/**
 * The key jobs' schedule (SPEC §14). Each takes a cluster-wide lease so one node runs it at a time; the work itself
 * is also safe to overlap (row locks, dedup keys), the lease only saves doing it twice.
 */
@Component
class KeyJobs {

    private final ExpiryReminders reminders;
    private final AutoRenewal renewal;
    private final KeySync sync;
    private final GraceCleanup grace;
    private final ProvisioningWatch provisioning;
    private final HostService hosts;
    private final ShopSettings settings;
    private final JobLeases leases;
    private final Clock clock;
    private final boolean enabled;

    KeyJobs(ExpiryReminders reminders, AutoRenewal renewal, KeySync sync, GraceCleanup grace,
            ProvisioningWatch provisioning, HostService hosts, ShopSettings settings, JobLeases leases, Clock clock,
            @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.provisioning = provisioning;
        this.reminders = reminders;
        this.renewal = renewal;
        this.sync = sync;
        this.grace = grace;
        this.hosts = hosts;
        this.settings = settings;
        this.leases = leases;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${dm.jobs.expiry-interval:60s}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void expire() {
        exclusively("keys.expire", Duration.ofMinutes(1), reminders::expireDue);
    }

    @Scheduled(fixedDelayString = "${dm.jobs.reminder-interval:5m}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void renewAndRemind() {
        exclusively("keys.renew-remind", Duration.ofMinutes(4), () -> {
            renewal.runOnce(); // first, so keys it renewed don't get a reminder for the old expiry
            reminders.remind();
        });
    }

    @Scheduled(fixedDelayString = "${dm.jobs.provisioning-watch-interval:60s}",
            initialDelayString = "${dm.jobs.initial-delay:30s}")
    void tellAboutSlowKeys() {
        exclusively("keys.provisioning-watch", Duration.ofMinutes(1), provisioning::runOnce);
    }

    @Scheduled(fixedDelayString = "${dm.jobs.grace-interval:1h}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void archiveLongExpired() {
        exclusively("keys.grace", Duration.ofMinutes(30), grace::runOnce);
    }

    @Scheduled(fixedDelayString = "${dm.jobs.sync-poll:60s}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void syncDueHosts() {
        if (!enabled) {
            return;
        }
        Duration interval = settings.syncInterval();
        for (HostView host : hosts.list()) {
            boolean due = host.enabled() && sync.latest(host.id())
                    .map(r -> r.finishedAt().plus(interval).isBefore(clock.instant())).orElse(true);
            if (due) {
                exclusively("sync.host." + host.id(), Duration.ofMinutes(10),
                        () -> sync.syncHost(host.id(), SyncReport.Trigger.SCHEDULED));
            }
        }
    }

    private void exclusively(String job, Duration lease, Runnable work) {
        if (!enabled || !leases.tryAcquire(job, lease)) {
            return;
        }
        try {
            work.run();
        } finally {
            leases.release(job);
        }
    }
}
