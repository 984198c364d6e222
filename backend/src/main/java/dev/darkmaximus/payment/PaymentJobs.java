package dev.darkmaximus.payment;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.payment.reconcile.Reconciliation;
import dev.darkmaximus.platform.jobs.JobLeases;

/**
 * Money jobs (SPEC §14): unpaid orders expire, and pending payments and refunds the provider left pending are asked
 * about at their provider, every minute; each night yesterday is reconciled with every provider's own list.
 */
@Component
class PaymentJobs {

    private final OrderService orders;
    private final PaymentChecks checks;
    private final RefundService refunds;
    private final Reconciliation reconciliation;
    private final JobLeases leases;
    private final boolean enabled;

    PaymentJobs(OrderService orders, PaymentChecks checks, RefundService refunds, Reconciliation reconciliation,
                JobLeases leases, @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.reconciliation = reconciliation;
        this.orders = orders;
        this.checks = checks;
        this.refunds = refunds;
        this.leases = leases;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${dm.jobs.order-expiry-interval:60s}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void expireOrders() {
        exclusively("orders.expiry", orders::expireDue);
    }

    @Scheduled(fixedDelayString = "${dm.jobs.payment-recheck-interval:60s}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void recheckPending() {
        exclusively("payments.recheck", () -> {
            try {
                checks.recheckStuck();
            } finally {
                refunds.settlePending(); // runs even when the payment re-check failed
            }
        });
    }

    /**
     * Yesterday's payments against each provider's own list (issue 21): asked every hour, done once a day on one node
     * when the shop's morning comes (Reconciliation#yesterdayIfDue), failures retried the next hour.
     */
    @Scheduled(cron = "${dm.jobs.reconciliation-cron:0 30 * * * *}")
    void reconcile() {
        exclusively("payments.reconciliation", Duration.ofHours(1), reconciliation::yesterdayIfDue);
    }

    private void exclusively(String job, Runnable work) {
        exclusively(job, Duration.ofMinutes(5), work);
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
