package dev.darkmaximus.platform.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One read shared by callers that arrive together, and never older than the caller: every caller gets the result of
 * a read that started after it called.
 * <p>
 * With no read running, the caller reads itself. Callers arriving while a read runs wait for the next one, which
 * starts as soon as the running one ends, so every one of them started before it did. Under a storm of storefront
 * requests (64 at a time in make bench) this turns one database round trip per request into one per round trip's
 * worth of requests, and a change committed before a request arrived is still seen by it.
 * <p>
 * Only for reads that see committed data through a connection of their own: a caller in a transaction must read
 * through that transaction, or it wouldn't see its own writes.
 */
final class SharedRead<T> {

    private final Supplier<T> source;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}: the read running, and the one its latecomers wait for (never started). */
    private CompletableFuture<T> running;
    private CompletableFuture<T> next;

    SharedRead(Supplier<T> source) {
        this.source = source;
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
                }
                mine = next;
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            read(mine);
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void read(CompletableFuture<T> flight) {
        try {
            flight.complete(source.get());
        } catch (Throwable e) {
            flight.completeExceptionally(e);
        }
        CompletableFuture<T> following;
        lock.lock();
        try {
            following = next;
            next = null;
            running = following;
        } finally {
            lock.unlock();
        }
        if (following != null) {
            // Its waiters are blocked; the caller that read this one goes back to its own request.
            Thread.ofVirtual().name("shared-read").start(() -> read(following));
        }
    }
}
