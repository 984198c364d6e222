package dev.darkmaximus.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.platform.outbox.persistence.OutboxTask;
import dev.darkmaximus.platform.web.RequestIdFilter;

/** Side effects recorded with the state change that causes them, so neither exists without the other. */
@Service
public class OutboxService {

    private final OutboxRepository tasks;
    private final AuditService audit;
    private final Clock clock;

    OutboxService(OutboxRepository tasks, AuditService audit, Clock clock) {
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a task inside the caller's transaction. A task with the same dedup key already recorded makes this a
     * no-op (returns false): enqueueing twice never does the work twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String kind, JsonDocument payload, String dedupKey) {
        return tasks.insertUnlessDuplicate(kind, payload.json(), dedupKey, MDC.get(RequestIdFilter.MDC_KEY),
                clock.instant()) == 1;
    }

    /** Whether work queued under {@code dedupPrefix} (e.g. one key's pushes) is still to be done. */
    @Transactional(readOnly = true)
    public boolean hasUnfinished(String dedupPrefix) {
        return tasks.hasUnfinished(likePrefix(dedupPrefix));
    }

    /** The dedup keys of the work still to be done under {@code dedupPrefix}: one query for many checks. */
    @Transactional(readOnly = true)
    public Set<String> unfinished(String dedupPrefix) {
        return Set.copyOf(tasks.findUnfinishedDedupKeys(likePrefix(dedupPrefix)));
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Tasks still being retried after a failure, oldest first, with their attempts, next try and last error. */
    @Transactional(readOnly = true)
    public List<OutboxTaskView> retrying(int limit) {
        return tasks.findRetrying(limit).stream().map(OutboxTaskView::from).toList();
    }

    @Transactional(readOnly = true)
    public List<OutboxTaskView> deadLetters(int limit) {
        return tasks.findDead(limit).stream().map(OutboxTaskView::from).toList();
    }

    /** Gives a dead task a fresh set of attempts, starting now. */
    @Transactional
    public OutboxTaskView retry(long id) {
        OutboxTask task = tasks.findById(id).orElseThrow(() -> ApiException.notFound("Outbox task", id));
        if (tasks.revive(id, clock.instant()) == 0) {
            throw ApiException.conflict("task_not_dead", "Only dead tasks can be retried; this one is "
                    + task.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        OutboxTaskView revived = OutboxTaskView.from(tasks.findById(id).orElseThrow());
        audit.record("outbox.retry", "outbox_task", id, OutboxTaskView.from(task), revived);
        return revived;
    }
}
