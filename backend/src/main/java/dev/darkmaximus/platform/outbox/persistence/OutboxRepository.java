package dev.darkmaximus.platform.outbox.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface OutboxRepository extends ListCrudRepository<OutboxTask, Long> {

    /**
     * Claims due tasks for this worker: rows another replica holds are skipped, not waited for, and a RUNNING task
     * whose lease ran out (its worker died) is due again. The lease is set in the same statement.
     */
    @Query("""
            UPDATE outbox_tasks SET status = 'RUNNING', locked_until = :leaseUntil, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_tasks
                WHERE (status = 'PENDING' AND next_attempt_at <= :now)
                   OR (status = 'RUNNING' AND locked_until < :now)
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING *""")
    List<OutboxTask> claim(Instant now, Instant leaseUntil, int limit);

    @Modifying
    @Query("UPDATE outbox_tasks SET status = 'DONE', done_at = :at, locked_until = NULL WHERE id = :id")
    void markDone(long id, Instant at);

    @Modifying
    @Query("""
            UPDATE outbox_tasks SET status = :status, next_attempt_at = :nextAttemptAt, locked_until = NULL,
                                    last_error = :error
            WHERE id = :id""")
    void markFailed(long id, String status, Instant nextAttemptAt, String error);

    @Query("SELECT * FROM outbox_tasks WHERE status = 'DEAD' ORDER BY created_at DESC LIMIT :limit")
    List<OutboxTask> findDead(int limit);

    /** Tasks that failed at least once and will be tried again: the ones stuck on an outage. */
    @Query("""
            SELECT * FROM outbox_tasks WHERE status IN ('PENDING', 'RUNNING') AND last_error IS NOT NULL
            ORDER BY created_at LIMIT :limit""")
    List<OutboxTask> findRetrying(int limit);

    @Modifying
    @Query("""
            INSERT INTO outbox_tasks (kind, payload, dedup_key, request_id, next_attempt_at, created_at)
            VALUES (:kind, CAST(:payload AS jsonb), :dedupKey, :requestId, :now, :now)
            ON CONFLICT (dedup_key) WHERE dedup_key IS NOT NULL DO NOTHING""")
    int insertUnlessDuplicate(String kind, String payload, String dedupKey, String requestId, Instant now);

    @Modifying
    @Query("""
            UPDATE outbox_tasks SET status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = NULL
            WHERE id = :id AND status = 'DEAD'""")
    int revive(long id, Instant now);

    /** Whether a task whose dedup key starts with {@code prefix} is still waiting or running. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM outbox_tasks
                           WHERE dedup_key LIKE :prefix AND status IN ('PENDING', 'RUNNING'))""")
    boolean hasUnfinished(String prefix);

    /** The dedup keys starting with {@code prefix} of tasks still waiting or running. */
    @Query("SELECT dedup_key FROM outbox_tasks WHERE dedup_key LIKE :prefix AND status IN ('PENDING', 'RUNNING')")
    List<String> findUnfinishedDedupKeys(String prefix);
}
