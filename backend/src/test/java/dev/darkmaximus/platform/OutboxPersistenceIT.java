package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.platform.outbox.persistence.OutboxTask;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.IntegrationTest;

class OutboxPersistenceIT extends IntegrationTest {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoWorkersNeverClaimTheSameTask() throws Exception {
        String kind = DomainFixtures.unique("test.concurrent.");
        for (int i = 0; i < 20; i++) {
            outbox.save(OutboxTask.pending(kind, new JsonDocument("{\"n\": " + i + "}"), null, null,
                    Instant.now().minusSeconds(1)));
        }
        CountDownLatch bothClaimed = new CountDownLatch(2);
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(workers.submit(() -> tx.executeWithoutResult(status -> {
                    outbox.claim(Instant.now(), Instant.now().plusSeconds(60), 15).stream()
                            .filter(t -> t.kind().equals(kind)).forEach(t -> claimed.add(t.id()));
                    bothClaimed.countDown();
                    awaitQuietly(bothClaimed); // hold the row locks until the other worker has claimed too
                })));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(claimed).doesNotHaveDuplicates().hasSize(20);
    }

    @Test
    void aTaskWhoseWorkerDiedIsClaimedAgainAfterItsLease() {
        String kind = DomainFixtures.unique("test.lease.");
        OutboxTask task = outbox.save(OutboxTask.pending(kind, JsonDocument.EMPTY_OBJECT, null, "req-1",
                Instant.now().minusSeconds(1)));
        jdbc.sql("UPDATE outbox_tasks SET status = 'RUNNING', locked_until = now() - interval '1 second' WHERE id = :id")
                .param("id", task.id()).update();

        List<OutboxTask> again = tx.execute(s -> outbox.claim(Instant.now(), Instant.now().plusSeconds(60), 100));

        assertThat(again).extracting(OutboxTask::id).contains(task.id());
        outbox.markDone(task.id(), Instant.now());
        assertThat(outbox.findById(task.id()).orElseThrow().status()).isEqualTo(OutboxTask.Status.DONE);
    }

    @Test
    void deadTasksAreListedAndDedupKeysAreUnique() {
        String dedup = DomainFixtures.unique("provision:order:");
        OutboxTask task = outbox.save(OutboxTask.pending("provision", JsonDocument.EMPTY_OBJECT, dedup, null,
                Instant.now()));
        outbox.markFailed(task.id(), "DEAD", Instant.now(), "panel unreachable");

        assertThat(outbox.findDead(50)).extracting(OutboxTask::id).contains(task.id());
        assertThatThrownBy(() -> outbox.save(OutboxTask.pending("provision", JsonDocument.EMPTY_OBJECT, dedup, null,
                Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
