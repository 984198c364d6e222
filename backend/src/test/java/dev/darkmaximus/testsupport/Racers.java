package dev.darkmaximus.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** {@code count} threads released together on a barrier, each running {@code call}: a concurrency claim, tested. */
public final class Racers {

    private Racers() {
    }

    /** Every racer's result, in start order; a racer's failure fails the race. */
    public static <T> List<T> race(int count, Supplier<T> call) {
        CyclicBarrier start = new CyclicBarrier(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<T>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            return results.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
