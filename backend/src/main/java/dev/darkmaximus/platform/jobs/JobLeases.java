package dev.darkmaximus.platform.jobs;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time run a periodic job: the first to take a job's lease runs it; the others skip until the
 * lease runs out. A node that dies mid-run simply lets its lease expire, so nothing stays locked.
 */
@Component
public class JobLeases {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public JobLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the lease named {@code job} for {@code length} unless another holder has it; true when taken. */
    public boolean tryAcquire(String job, Duration length) {
        return jdbc.sql("""
                        INSERT INTO job_leases (name, holder, lease_until) VALUES (:name, :holder, :until)
                        ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until
                        WHERE job_leases.lease_until < :now OR job_leases.holder = EXCLUDED.holder""")
                .param("name", job).param("holder", holder)
                .param("until", Timestamp.from(clock.instant().plus(length)))
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    /** Gives the lease back early so the next run doesn't wait for it to expire. */
    public void release(String job) {
        jdbc.sql("DELETE FROM job_leases WHERE name = :name AND holder = :holder")
                .param("name", job).param("holder", holder).update();
    }
}
