package dev.darkmaximus.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.notify.persistence.BroadcastStore;
import dev.darkmaximus.platform.jobs.JobLeases;
import dev.darkmaximus.platform.telegram.SendQueue;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Sends broadcasts (SPEC §14 "broadcast runner"). Due broadcasts get their recipient list fixed when they start;
 * then recipients are claimed in batches of about two seconds of sending, sent through the {@link SendQueue} at the
 * lowest priority (so payment confirmations overtake them) and settled as they go: sent, blocked (the customer is
 * marked unreachable and left out of later broadcasts) or failed. Everything is in the database, so a restart picks up
 * at the first unsent recipient. One node sends at a time under a short lease it renews before every batch: when that
 * node dies, another takes over within a lease, and the claims it left are settled INTERRUPTED (they may or may not
 * have arrived), never sent again on their own; an admin can resend to them.
 */
@Component
class BroadcastRunner {

    private static final Logger log = LoggerFactory.getLogger(BroadcastRunner.class);
    private static final String LEASE = "broadcasts";
    /** Sent recipients are recorded at least this often, so a crash leaves few of them in doubt. */
    private static final int SETTLE_EVERY = 10;

    private final BroadcastStore store;
    private final BroadcastService broadcasts;
    private final BroadcastMessages messages;
    private final SendQueue sendQueue;
    private final CustomerService customers;
    private final AdminAlerts alerts;
    private final JobLeases leases;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final Duration lease;
    private final boolean enabled;

    BroadcastRunner(BroadcastStore store, BroadcastService broadcasts, BroadcastMessages messages, SendQueue sendQueue,
                    CustomerService customers, AdminAlerts alerts, JobLeases leases, TransactionTemplate tx,
                    Clock clock, @Value("${dm.broadcast.batch-size:100}") int batchSize,
                    @Value("${dm.broadcast.lease:30s}") Duration lease,
                    @Value("${dm.jobs.enabled:true}") boolean enabled) {
        this.store = store;
        this.broadcasts = broadcasts;
        this.messages = messages;
        this.sendQueue = sendQueue;
        this.customers = customers;
        this.alerts = alerts;
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
        this.batchSize = batchFor(batchSize, sendQueue.perSecond());
        this.lease = lease;
        this.enabled = enabled;
    }

    /**
     * One node sends at a time, so the shop's Telegram budget isn't spent twice over. A turn lasts a few minutes and
     * renews the lease before each batch; the next turn (here or on another node) goes on from there.
     */
    @Scheduled(fixedDelayString = "${dm.jobs.broadcast-interval:5s}", initialDelayString = "${dm.jobs.initial-delay:30s}")
    void scheduled() {
        if (enabled) {
            runTurn();
        }
    }

    /** One turn under the lease; false when another node holds it. */
    boolean runTurn() {
        if (!leases.tryAcquire(LEASE, lease)) {
            return false;
        }
        try {
            runUntil(clock.instant().plus(Duration.ofMinutes(3)), Integer.MAX_VALUE,
                    () -> leases.tryAcquire(LEASE, lease));
            return true;
        } finally {
            leases.release(LEASE);
        }
    }

    /** Runs until every running broadcast is done or paused. */
    public int runOnce() {
        return runUntil(Instant.MAX, Integer.MAX_VALUE, () -> true);
    }

    /** Settles at most about {@code recipients} and stops between two batches, as a node shutting down would. */
    public int runAtMost(int recipients) {
        return runUntil(Instant.MAX, recipients, () -> true);
    }

    /**
     * Recipients per claim: at most about two seconds of sending at the queue's rate, so a batch ends long before the
     * lease that covers it, and a node killed mid-batch leaves only a couple of seconds' recipients in doubt.
     */
    static int batchFor(int configured, int perSecond) {
        return Math.max(1, Math.min(configured, 2 * perSecond));
    }

    /** @param stillHolding renews the lease before each batch; false means another node has it now */
    private int runUntil(Instant deadline, int maxRecipients, BooleanSupplier stillHolding) {
        Instant now = clock.instant();
        // A live holder renews its lease before every batch, and a batch takes seconds: claims older than a lease
        // belong to a node that stopped mid-send.
        int interrupted = store.settleAbandoned(now.minus(lease));
        if (interrupted > 0) {
            log.atWarn().addKeyValue("recipients", interrupted)
                    .log("broadcast claims left by a stopped node settled as interrupted");
        }
        for (long id : store.due(now)) {
            tx.executeWithoutResult(status -> start(id));
        }
        int settled = 0;
        for (long id : store.running()) {
            BroadcastView broadcast = broadcasts.get(id);
            while (settled < maxRecipients && clock.instant().isBefore(deadline)) {
                if (!store.find(id).map(row -> "RUNNING".equals(row.status())).orElse(false)) {
                    break; // paused or canceled meanwhile
                }
                if (!stillHolding.getAsBoolean()) {
                    return settled;
                }
                int size = Math.min(batchSize, maxRecipients - settled);
                List<BroadcastStore.Recipient> batch = tx.execute(status -> store.claim(id, size, clock.instant()));
                if (batch.isEmpty()) {
                    finish(id);
                    break;
                }
                send(broadcast, batch.stream().filter(BroadcastStore.Recipient::claimed).toList(), stillHolding);
                settled += batch.size();
            }
        }
        return settled;
    }
    private void start(long id) {
        var row = store.lock(id).orElse(null);
        if (row == null || !"SCHEDULED".equals(row.status())) {
            return;
        }
        BroadcastView broadcast = broadcasts.view(row);
        long total = store.materialize(id, BroadcastService.filter(broadcast.audience()), clock.instant());
        log.atInfo().addKeyValue("broadcast", id).addKeyValue("recipients", total).log("broadcast started");
    }

    /**
     * Sends a claimed batch and settles it. A batch normally takes about two seconds, but a Telegram flood wait or
     * payment messages overtaking it can hold it longer: while it waits, the lease and this batch's claims are
     * renewed every third of a lease, so no other node takes them for a dead node's.
     */
    private void send(BroadcastView broadcast, List<BroadcastStore.Recipient> recipients, BooleanSupplier stillHolding) {
        List<CompletableFuture<Long>> results = new ArrayList<>(recipients.size());
        for (BroadcastStore.Recipient recipient : recipients) {
            results.add(sendQueue.submit(recipient.telegramId(), SendQueue.Priority.BULK,
                    () -> messages.send(recipient.telegramId(), broadcast)));
        }
        List<Long> claimed = recipients.stream().map(BroadcastStore.Recipient::customerId).toList();
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            BroadcastStore.Recipient recipient = recipients.get(i);
            Throwable failure = null;
            while (true) {
                try {
                    results.get(i).get(lease.toMillis() / 3, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException stillWaiting) {
                    stillHolding.getAsBoolean();
                    store.touchClaims(broadcast.id(), claimed, clock.instant());
                } catch (ExecutionException e) {
                    failure = e.getCause();
                    break;
                } catch (InterruptedException e) {
                    // Stopping: what was sent is recorded; the rest stays claimed and is settled as interrupted.
                    Thread.currentThread().interrupt();
                    store.settleSent(broadcast.id(), sent, clock.instant());
                    return;
                }
            }
            if (failure == null) {
                sent.add(recipient.customerId());
            } else {
                settleFailure(broadcast.id(), recipient, failure);
            }
            if (sent.size() >= SETTLE_EVERY) {
                store.settleSent(broadcast.id(), sent, clock.instant());
                sent.clear();
            }
        }
        store.settleSent(broadcast.id(), sent, clock.instant());
    }

    private void settleFailure(long broadcastId, BroadcastStore.Recipient recipient, Throwable cause) {
        if (cause instanceof TelegramBotApi.RetryLater) {
            store.release(broadcastId, recipient.customerId()); // the send queue stopped before sending it
            return;
        }
        if (cause instanceof TelegramBotApi.Blocked blocked) {
            customers.markUnreachable(recipient.customerId());
            store.settle(broadcastId, recipient.customerId(), "BLOCKED", blocked.getMessage(), clock.instant());
            return;
        }
        String error = cause instanceof TelegramBotApi.Refused ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        store.settle(broadcastId, recipient.customerId(), "FAILED", error, clock.instant());
    }

    private void finish(long id) {
        tx.executeWithoutResult(status -> {
            if (!store.finishIfComplete(id)) {
                return;
            }
            Map<String, Long> counts = store.counts(id);
            alerts.queue(AlertTemplates.BROADCAST_DONE, Map.of("broadcast_id", Long.toString(id),
                    "sent", Long.toString(counts.getOrDefault("SENT", 0L)),
                    "blocked", Long.toString(counts.getOrDefault("BLOCKED", 0L)),
                    "failed", Long.toString(counts.getOrDefault("FAILED", 0L))), "broadcast-done:" + id);
        });
    }
}
