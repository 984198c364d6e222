package dev.darkmaximus.platform.outbox;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.platform.outbox.persistence.OutboxTask;
import dev.darkmaximus.platform.web.RequestIdFilter;

/**
 * Runs outbox tasks on every replica: claims a batch (SKIP LOCKED, with a lease) in a short transaction, then runs
 * each handler outside any transaction and records done, retry-later with exponential backoff, or dead after
 * {@code maxAttempts}. A worker that dies mid-task leaves it to be claimed again when the lease runs out.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxRepository tasks;
    private final Map<String, OutboxHandler> handlers;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public OutboxWorker(OutboxRepository tasks, List<OutboxHandler> handlers, TransactionTemplate transactions,
                        OutboxProperties properties, MeterRegistry meters, Clock clock) {
        this.tasks = tasks;
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dm.outbox.poll-interval:1s}")
    void poll() {
        if (properties.workerEnabled()) {
            runOnce();
        }
    }

    /** Claims and runs one batch; returns how many tasks it ran. */
    public int runOnce() {
        List<OutboxTask> claimed = transactions.execute(status -> tasks.claim(clock.instant(),
                clock.instant().plus(properties.lease()), properties.batchSize()));
        int ran = 0;
        // Oldest due first (UPDATE … RETURNING gives no order), so a batch that runs long leaves the newest behind.
        for (OutboxTask task : claimed.stream().sorted(Comparator.comparing(OutboxTask::nextAttemptAt)).toList()) {
            // A batch that ran long (slow receivers, a panel timing out) must not run a task whose lease has gone:
            // another node may have claimed it meanwhile. Left as it is, it is claimed again when due.
            if (!clock.instant().isBefore(task.lockedUntil())) {
                log.atWarn().addKeyValue("kind", task.kind()).log("outbox task's lease ran out before its turn");
                continue;
            }
            run(task);
            ran++;
        }
        return ran;
    }

    private void run(OutboxTask task) {
        MDC.put("outboxTaskId", Long.toString(task.id()));
        if (task.requestId() != null) {
            MDC.put(RequestIdFilter.MDC_KEY, task.requestId());
        }
        String outcome = "done";
        try {
            OutboxHandler handler = handlers.get(task.kind());
            if (handler == null) {
                outcome = "dead";
                tasks.markFailed(task.id(), "DEAD", clock.instant(), "no handler for kind " + task.kind());
                log.atError().addKeyValue("kind", task.kind()).log("outbox task has no handler: dead-lettered");
                return;
            }
            handler.handle(task.payload());
            tasks.markDone(task.id(), clock.instant());
        } catch (Exception e) { // the outermost boundary: the failure is recorded and the task retried or dead-lettered
            OutboxRetry retry = handlers.get(task.kind()).retry().orElseGet(properties::retry);
            boolean dead = task.attempts() >= retry.maxAttempts();
            outcome = dead ? "dead" : "retry";
            tasks.markFailed(task.id(), dead ? "DEAD" : "PENDING",
                    clock.instant().plus(retry.backoffAfter(task.attempts())), describe(e));
            if (dead) {
                notifyDead(task);
            }
            log.atLevel(dead ? Level.ERROR : Level.WARN)
                    .addKeyValue("kind", task.kind()).addKeyValue("attempts", task.attempts())
                    .addKeyValue("error", describe(e))
                    // Kind and error in the text as well: plain-text logs drop key-values, and operators read those.
                    .log((dead ? "outbox task dead-lettered: an admin must retry it" : "outbox task failed; will retry")
                            + " [" + task.kind() + "] " + describe(e));
        } finally {
            meters.counter("dm.outbox.tasks", "kind", task.kind(), "outcome", outcome).increment();
            MDC.remove("outboxTaskId");
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    private void notifyDead(OutboxTask task) {
        OutboxHandler handler = handlers.get(task.kind());
        try {
            handler.onDeadLetter(task.payload());
        } catch (RuntimeException e) { // the task is dead either way; an admin sees it in the dead-letter list
            log.atError().addKeyValue("kind", task.kind()).setCause(e).log("dead-letter hook failed");
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
