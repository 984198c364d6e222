package dev.darkmaximus.platform.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read shared by callers that arrive together, and never older than the caller: every caller gets the result of
 * a read that started after it called.
 * <p>
 * With no read running, the caller reads itself. Callers arriving while a read runs wait for the next one, which
 * starts as soon as the running one ends, so every one of them called before it started. Under a storm of storefront
 * requests (64 at a time in make bench) this turns one database round trip per request into one per round trip's
 * worth of requests, and a change committed before a request arrived is still seen by it.
 * <p>
 * A caller waits for its shared read at most {@code patience}. If the read before it is stuck (a connection dead
 * without a reset), the first caller to lose patience starts the shared read in its place, so the callers behind a
 * stuck read are held up by one patience each, not by the stuck read; a caller whose shared read is slow too reads
 * alone after another patience. A read a caller starts is as fresh as the one it waited for.
 * <p>
 * Only for reads that see committed data through a connection of their own: a caller in a transaction must read
 * through that transaction, or it wouldn't see its own writes.
 */
final class SharedRead<T> {

    private final Supplier<T> source;
    private final long patienceNanos;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}: the read running, and the one its latecomers wait for (never started). */
    private CompletableFuture<T> running;
    private CompletableFuture<T> next;
    /** Guarded by {@link #lock}: callers that joined {@link #next} (for tests). */
    private int waitingForNext;

    SharedRead(Supplier<T> source, Duration patience) {
        this.source = source;
        this.patienceNanos = patience.toNanos();
    }

    T get() {
        CompletableFuture<T> mine;
        boolean first;
        lock.lock();
        try {
            first = running == null;
            if (first) {
                running = mine = new CompletableFuture<>();
            } else {
                if (next == null) {
                    next = new CompletableFuture<>();
                    waitingForNext = 0;
                }
                waitingForNext++;
                mine = next;
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            read(mine);
        }
        try {
            return await(mine);
        } catch (TimeoutException stuck) {
            // The read before ours is stuck: start ours in its place (all of its callers called before now).
            if (takeOver(mine)) {
                read(mine);
            }
            try {
                return await(mine);
            } catch (TimeoutException slowToo) {
                return source.get();
            }
        }
    }

    private T await(CompletableFuture<T> flight) throws TimeoutException {
        try {
            return flight.get(patienceNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // At shutdown: a read of its own would most likely fail on the interrupted thread anyway.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a shared read", e);
        }
    }

    private boolean takeOver(CompletableFuture<T> waiting) {
        lock.lock();
        try {
            if (next != waiting) {
                return false;
            }
            next = null;
            running = waiting;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Callers that joined the read after the running one (for tests). */
    int waitingForNext() {
        lock.lock();
        try {
            return next == null ? 0 : waitingForNext;
        } finally {
            lock.unlock();
        }
    }

    /** No read running and none waiting to (for tests). */
    boolean idle() {
        lock.lock();
        try {
            return running == null && next == null;
        } finally {
            lock.unlock();
        }
    }

    private void read(CompletableFuture<T> flight) {
        T value = null;
        Throwable failure = null;
        try {
            value = source.get();
        } catch (Throwable e) {
            failure = e;
        }
        // The slot moves on before the callers get their answer, so a caller holding its answer never finds the
        // slot still held by the read that gave it (and a caller after it doesn't queue behind a finished read).
        startNext(flight);
        if (failure == null) {
            flight.complete(value);
        } else {
            flight.completeExceptionally(failure);
        }
    }

    /** Hands the running slot to the latecomers' read, which a thread of its own makes. */
    private void startNext(CompletableFuture<T> ended) {
        CompletableFuture<T> current = ended;
        List<Runnable> unstarted = new ArrayList<>(0);
        try {
            while (true) {
                CompletableFuture<T> following;
                lock.lock();
                try {
                    if (running != current) {
                        return; // a caller took the slot over while this read was stuck
                    }
                    following = next;
                    next = null;
                    running = following;
                } finally {
                    lock.unlock();
                }
                if (following == null) {
                    return;
                }
                try {
                    // Its callers are waiting; the caller that read this one goes back to its own request.
                    Thread.ofVirtual().name("shared-read").inheritInheritableThreadLocals(false)
                            .start(() -> read(following));
                    return;
                } catch (Throwable e) {
                    // No thread for it: its callers fail, and the slot goes to whoever came after them.
                    unstarted.add(() -> following.completeExceptionally(e));
                    current = following;
                }
            }
        } finally {
            // Told once the slot has moved past them, as every read's callers are (read).
            unstarted.forEach(Runnable::run);
        }
    }
}
