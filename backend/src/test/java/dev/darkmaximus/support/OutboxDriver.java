package dev.darkmaximus.support;

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
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() - interval '1 second' WHERE status = 'PENDING' AND dedup_key LIKE :prefix")
                .param("prefix", dedupPrefix + "%").update();
        return with.runOnce();
    }

    public String status(String dedupPrefix) {
        return jdbc.sql("SELECT status FROM outbox_tasks WHERE dedup_key LIKE :prefix ORDER BY id DESC LIMIT 1")
                .param("prefix", dedupPrefix + "%").query(String.class).single();
    }
}
