package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxProperties;
import dev.darkmaximus.platform.outbox.OutboxService;
import dev.darkmaximus.platform.outbox.OutboxWorker;
import dev.darkmaximus.platform.outbox.persistence.OutboxRepository;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.IntegrationTest;

/** The outbox end to end: enqueue in a transaction, run, retry with backoff, dead-letter, admin retry. */
class OutboxWorkerIT extends IntegrationTest {

    private static final OutboxProperties TWO_ATTEMPTS = new OutboxProperties(false, 50, Duration.ofMinutes(5), 2,
            Duration.ofSeconds(30), Duration.ofMinutes(10));

    @LocalServerPort
    int port;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxRepository tasks;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private OutboxWorker worker(OutboxHandler... handlers) {
        return new OutboxWorker(tasks, List.of(handlers), tx, TWO_ATTEMPTS, meters, Clock.systemUTC());
    }

    private static OutboxHandler handler(String kind, Runnable action) {
        return new OutboxHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(JsonDocument payload) {
                action.run();
            }
        };
    }

    private long enqueue(String kind, String dedupKey) {
        tx.executeWithoutResult(s -> outbox.enqueue(kind, new JsonDocument("{\"orderId\": 42}"), dedupKey));
        return jdbc.sql("SELECT id FROM outbox_tasks WHERE kind = :k").param("k", kind).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM outbox_tasks WHERE id = :id").param("id", id).query(String.class).single();
    }

    private void makeDue(long id) {
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() - interval '1 second' WHERE id = :id")
                .param("id", id).update();
    }

    @Test
    void aTaskRunsOnceAndADuplicateEnqueueIsIgnored() {
        String kind = DomainFixtures.unique("test.ok.");
        String dedup = DomainFixtures.unique("dedup:");
        AtomicInteger runs = new AtomicInteger();
        long id = enqueue(kind, dedup);
        Boolean again = tx.execute(s -> outbox.enqueue(kind, JsonDocument.EMPTY_OBJECT, dedup));

        worker(handler(kind, runs::incrementAndGet)).runOnce();
        worker(handler(kind, runs::incrementAndGet)).runOnce();

        assertThat(again).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(status(id)).isEqualTo("DONE");
    }

    @Test
    void failuresBackOffThenDeadLetterAndAnAdminCanRetry() {
        String kind = DomainFixtures.unique("test.flaky.");
        long id = enqueue(kind, null);
        AtomicInteger runs = new AtomicInteger();
        OutboxHandler failing = handler(kind, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("panel down");
        });

        worker(failing).runOnce();
        assertThat(status(id)).isEqualTo("PENDING");
        worker(failing).runOnce();
        assertThat(runs).as("not due again before its backoff").hasValue(1);
        makeDue(id);
        worker(failing).runOnce();
        assertThat(status(id)).isEqualTo("DEAD");
        assertThat(jdbc.sql("SELECT last_error FROM outbox_tasks WHERE id = :id").param("id", id).query(String.class)
                .single()).contains("panel down");

        Api api = new Api(port);
        String admin = api.adminToken();
        assertThat(api.get("/api/v1/admin/outbox/dead?limit=100", admin).expect(200).json().findValues("id").stream()
                .map(n -> n.asLong()).toList()).contains(id);
        assertThat(api.post("/api/v1/admin/outbox/" + id + "/retry", Map.of(), admin).expect(200).json()
                .get("status").asString()).isEqualTo("pending");
        worker(handler(kind, runs::incrementAndGet)).runOnce();
        assertThat(status(id)).isEqualTo("DONE");
        api.post("/api/v1/admin/outbox/" + id + "/retry", Map.of(), admin).problem(409, "task_not_dead");
        api.post("/api/v1/admin/outbox/987654321/retry", Map.of(), admin).problem(404, "not_found");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'outbox.retry' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * A batch that ran past its lease (slow receivers, a panel timing out) leaves its remaining tasks for the next
     * claim instead of running them: another node may hold them by then.
     */
    @Test
    void aTaskWhoseLeaseRanOutWhileItsBatchRanIsLeftForTheNextClaim() {
        String slowKind = DomainFixtures.unique("test.slow.");
        String laterKind = DomainFixtures.unique("test.later.");
        long slow = enqueue(slowKind, null);
        long later = enqueue(laterKind, null);
        jdbc.sql("UPDATE outbox_tasks SET next_attempt_at = now() - interval '2 seconds' WHERE id = :id")
                .param("id", slow).update();
        makeDue(later);
        AtomicReference<Duration> elapsed = new AtomicReference<>(Duration.ZERO);
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(elapsed.get());
            }
        };
        AtomicInteger laterRuns = new AtomicInteger();
        OutboxWorker worker = new OutboxWorker(tasks, List.of(
                handler(slowKind, () -> elapsed.set(TWO_ATTEMPTS.lease().plusMinutes(1))),
                handler(laterKind, laterRuns::incrementAndGet)), tx, TWO_ATTEMPTS, meters, moving);

        worker.runOnce();

        assertThat(status(slow)).isEqualTo("DONE");
        assertThat(laterRuns).as("its lease had run out: not run by this batch").hasValue(0);
        assertThat(status(later)).isEqualTo("RUNNING");
    }

    @Test
    void aTaskNobodyHandlesIsDeadLetteredAtOnce() {
        long id = enqueue(DomainFixtures.unique("test.unknown."), null);

        worker().runOnce();

        assertThat(status(id)).isEqualTo("DEAD");
    }

    @Test
    void backoffDoublesUpToItsCap() {
        assertThat(TWO_ATTEMPTS.retry().backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(TWO_ATTEMPTS.retry().backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(TWO_ATTEMPTS.retry().backoffAfter(30)).isEqualTo(Duration.ofMinutes(10));
    }
}
