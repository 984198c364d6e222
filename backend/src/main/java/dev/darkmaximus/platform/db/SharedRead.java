package dev.darkmaximus.platform.db;

import java.time.Duration;
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
 * A caller waits for a shared read at most {@code patience}, then reads itself (a read it starts is as fresh): a read
 * that hangs (a connection dead without a reset, a table lock) holds up only the callers it would have held up
 * without sharing, not every request of the node behind it.
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
            return mine.get(patienceNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            return source.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return source.get();
        }
    }

    /** Callers waiting for the read after the running one. */
    int waitingForNext() {
        lock.lock();
        try {
            return next == null ? 0 : waitingForNext;
        } finally {
            lock.unlock();
        }
    }

    private void read(CompletableFuture<T> flight) {
        try {
            flight.complete(source.get());
        } catch (Throwable e) {
            flight.completeExceptionally(e);
        } finally {
            startNext();
        }
    }

    /** Hands the running slot to the latecomers' read, which a thread of its own makes. */
    private void startNext() {
        while (true) {
            CompletableFuture<T> following;
            lock.lock();
            try {
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
                following.completeExceptionally(e);
            }
        }
    }
}
