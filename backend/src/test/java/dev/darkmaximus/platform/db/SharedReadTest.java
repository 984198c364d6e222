package dev.darkmaximus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SharedReadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aCallerAloneReadsItself() {
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(reads::incrementAndGet);

        assertThat(shared.get()).isEqualTo(1);
        assertThat(shared.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOne() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(() -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                await(firstMayEnd);
            }
            return n;
        });
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        Thread first = Thread.ofPlatform().start(() -> seen.add(shared.get()));
        waitUntil(() -> reads.get() == 1);
        List<Thread> latecomers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            latecomers.add(Thread.ofPlatform().start(() -> seen.add(shared.get())));
        }
        // Every latecomer is parked on the shared next read before the running one may end.
        waitUntil(() -> latecomers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        firstMayEnd.countDown();
        first.join(PATIENCE);
        for (Thread t : latecomers) {
            t.join(PATIENCE);
        }

        assertThat(reads).hasValue(2);
        // The first caller got its own read; the latecomers the one that started after all of them arrived.
        assertThat(seen).hasSize(21).containsOnlyOnce(1).filteredOn(v -> v == 2).hasSize(20);
    }

    @Test
    void aFailedReadFailsItsCallersAndTheNextCallReadsAgain() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(() -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                await(firstMayEnd);
            }
            if (n == 2) {
                throw new IllegalStateException("database down");
            }
            return n;
        });
        Thread first = Thread.ofPlatform().start(shared::get);
        waitUntil(() -> reads.get() == 1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> latecomers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            latecomers.add(Thread.ofPlatform().start(() -> {
                try {
                    shared.get();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        waitUntil(() -> latecomers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        firstMayEnd.countDown();
        first.join(PATIENCE);
        for (Thread t : latecomers) {
            t.join(PATIENCE);
        }

        assertThat(failures).hasSize(5).allSatisfy(e -> assertThat(e)
                .isInstanceOf(IllegalStateException.class).hasMessage("database down"));
        assertThat(shared.get()).isEqualTo(3);
        assertThatThrownBy(() -> new SharedRead<Integer>(() -> {
            throw new IllegalArgumentException("bad");
        }).get()).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A writer commits without pause while callers read: no caller may ever get a value older than the one committed
     * before it called (what the ban and catalog caches rely on).
     */
    @Test
    void noCallerEverGetsAValueOlderThanItsCall() throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Long> shared = new SharedRead<>(() -> {
            reads.incrementAndGet();
            long value = committed.get();
            Thread.onSpinWait();
            return value;
        });
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                committed.incrementAndGet();
            }
        });
        AtomicInteger stale = new AtomicInteger();
        int callers = 16;
        int calls = 2_000;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int c = 0; c < calls; c++) {
                    long before = committed.get();
                    if (shared.get() < before) {
                        stale.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            assertThat(t.join(PATIENCE)).isTrue();
        }
        stop.set(true);
        writer.join(PATIENCE);

        assertThat(stale).hasValue(0);
        assertThat(reads.get()).isBetween(1, callers * calls);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.sleep(5);
        }
    }
}
