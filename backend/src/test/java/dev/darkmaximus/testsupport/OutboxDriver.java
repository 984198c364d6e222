package dev.darkmaximus.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.platform.outbox.OutboxWorker;

/**
 * Runs chosen outbox tasks now. The database is shared by every test, so other tests' leftover tasks are pushed
 * into the future first; only tasks whose dedup key starts with the given prefix are made due.
 */
public final class OutboxDriver {

    private final JdbcClient jdbc;
    private final OutboxWorker worker;

    public OutboxDriver(JdbcClient jdbc, OutboxWorker worker) {
        this.jdbc = jdbc;
        this.worker = worker;
    }

    public int run(String dedupPrefix) {
        return run(dedupPrefix, worker);
    }

    public int run(String dedupPrefix, OutboxWorker with) {
        jdbc.sql("""
                UPDATE outbox_tasks SET next_attempt_at = now() + interval '1 day'
                WHERE status = 'PENDING' AND (dedup_key IS NULL OR dedup_key NOT LIKE :prefix)""")
                .param("prefix", dedupPrefix + "%").update();
        holdOtherTests("dedup_key IS NULL OR dedup_key NOT LIKE :prefix", dedupPrefix + "%");
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING' AND dedup_key LIKE :prefix")
                .param("prefix", dedupPrefix + "%").update();
        return with.runOnce();
    }

    /** Runs the one task with exactly this dedup key (a prefix like "notification:12" would also match 120, 1200…). */
    public int runTask(String dedupKey) {
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() + interval '1 day' WHERE status = 'PENDING' AND "
                + "(dedup_key IS NULL OR dedup_key <> :key)").param("key", dedupKey).update();
        holdOtherTests("dedup_key IS NULL OR dedup_key <> :prefix", dedupKey);
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING' "
                + "AND dedup_key = :key").param("key", dedupKey).update();
        return worker.runOnce();
    }

    /** Tasks other tests left claimed (RUNNING) would be claimable again once their lease lapses: extend it. */
    private void holdOtherTests(String notOurs, String pattern) {
        jdbc.sql("UPDATE outbox_tasks SET locked_until = now() + interval '1 day' WHERE status = 'RUNNING' AND ("
                + notOurs + ")").param("prefix", pattern).update();
    }

    public String status(String dedupPrefix) {
        return jdbc.sql("SELECT status FROM outbox_tasks WHERE dedup_key LIKE :prefix ORDER BY id DESC LIMIT 1")
                .param("prefix", dedupPrefix + "%").query(String.class).single();
    }
}
