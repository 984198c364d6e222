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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SharedReadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aCallerAloneReadsItself() {
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(reads::incrementAndGet, PATIENCE);

        assertThat(shared.get()).isEqualTo(1);
        assertThat(shared.get()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void callersArrivingDuringAReadShareTheNextOne() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(numbered(reads, firstMayEnd), PATIENCE);
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        callers.add(start(() -> seen.add(shared.get())));
        waitUntil(() -> reads.get() == 1);
        for (int i = 0; i < 20; i++) {
            callers.add(start(() -> seen.add(shared.get())));
        }
        try {
            // Every latecomer holds the next read before the running one may end.
            waitUntil(() -> shared.waitingForNext() == 20);
        } finally {
            firstMayEnd.countDown();
        }
        joinAll(callers);

        assertThat(reads).hasValue(2);
        // The first caller got its own read; the latecomers the one that started after all of them arrived.
        assertThat(seen).hasSize(21).containsOnlyOnce(1).filteredOn(v -> v == 2).hasSize(20);
    }

    /** Repeated: the slot's hand-over and the callers' answers race, and CI once saw the slot still held. */
    @RepeatedTest(50)
    void aFailedReadFailsItsCallersAndTheNextCallReadsAgain() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        Supplier<Integer> numbered = numbered(reads, firstMayEnd);
        SharedRead<Integer> shared = new SharedRead<>(() -> {
            int n = numbered.get();
            if (n == 2) {
                throw new IllegalStateException("database down");
            }
            return n;
        }, PATIENCE);
        List<Thread> callers = new ArrayList<>();
        callers.add(start(shared::get));
        waitUntil(() -> reads.get() == 1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 5; i++) {
            callers.add(start(() -> {
                try {
                    shared.get();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }));
        }
        try {
            waitUntil(() -> shared.waitingForNext() == 5);
        } finally {
            firstMayEnd.countDown();
        }
        joinAll(callers);

        assertThat(failures).hasSize(5).allSatisfy(e -> assertThat(e)
                .isInstanceOf(IllegalStateException.class).hasMessage("database down"));
        assertThat(shared.idle()).as("no read left holding the slot").isTrue();
        assertThat(shared.get()).isEqualTo(3);
    }

    @Test
    void anErrorReachesItsCallerAndLeavesNoReadBehind() {
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(() -> {
            if (reads.incrementAndGet() == 1) {
                throw new AssertionError("out of memory, say");
            }
            return reads.get();
        }, PATIENCE);

        assertThatThrownBy(shared::get).isInstanceOf(AssertionError.class);
        assertThat(shared.idle()).isTrue();
        assertThat(shared.get()).isEqualTo(2);
        assertThat(shared.waitingForNext()).isZero();
    }

    /**
     * A read that hangs holds its latecomers up for their patience only: the first to lose it starts their shared read
     * in its place, and the slot is free again for whoever comes next, while the stuck read still hangs.
     */
    @Test
    void aCallerTiredOfWaitingReadsItself() throws Exception {
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        SharedRead<Integer> shared = new SharedRead<>(numbered(reads, firstMayEnd), Duration.ofMillis(50));
        Thread hung = start(shared::get);
        try {
            waitUntil(() -> reads.get() == 1);

            long started = System.nanoTime();
            assertThat(shared.get()).isEqualTo(2);
            assertThat(shared.idle()).as("the stuck read no longer holds the slot").isTrue();
            assertThat(shared.get()).isEqualTo(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PATIENCE.dividedBy(3));
            assertThat(reads).hasValue(3);
        } finally {
            firstMayEnd.countDown();
            joinAll(List.of(hung));
        }
        assertThat(shared.idle()).as("the stuck read, once ended, hands nothing on").isTrue();
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
        }, PATIENCE);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = start(() -> {
            while (!stop.get()) {
                committed.incrementAndGet();
            }
        });
        AtomicInteger stale = new AtomicInteger();
        int callers = 16;
        int calls = 2_000;
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                threads.add(start(() -> {
                    for (int c = 0; c < calls; c++) {
                        long before = committed.get();
                        if (shared.get() < before) {
                            stale.incrementAndGet();
                        }
                    }
                }));
            }
            joinAll(threads);
        } finally {
            stop.set(true);
            joinAll(List.of(writer));
        }

        assertThat(stale).hasValue(0);
        assertThat(reads.get()).as("callers shared reads").isPositive().isLessThan(callers * calls);
    }

    /** A source that numbers its reads from 1 and holds the first until {@code firstMayEnd} is counted down. */
    private static Supplier<Integer> numbered(AtomicInteger reads, CountDownLatch firstMayEnd) {
        return () -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                await(firstMayEnd);
            }
            return n;
        };
    }

    private static Thread start(Runnable task) {
        return Thread.ofPlatform().daemon().start(task);
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            assertThat(t.join(PATIENCE)).as("%s ended", t).isTrue();
        }
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

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            Thread.sleep(5);
        }
    }
}
