package dev.darkmaximus.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scale half of `make bench`: each benchmark appends its lines to target/bench-scale.md, which `make bench`
 * puts into docs/benchmarks.md next to the HTTP half, and prints them.
 */
public final class BenchReport {

    private static final Path OUT = Path.of("target", "bench-scale.md");

    private BenchReport() {
    }

    public static void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        try {
            Files.writeString(OUT, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query's plan, as PostgreSQL executed it, as an indented block under the report's last line. */
    public static void plan(List<String> planLines) {
        line("");
        planLines.forEach(l -> line("    %s", l));
        line("");
    }

    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Live heap in MB: used after a full collection (explicit: this is a measurement, not the app's behaviour). */
    public static long liveHeapMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** Samples the live heap every {@code intervalMillis} on a background thread until stopped. */
    public static final class HeapSampler implements AutoCloseable {

        private final List<Long> samples = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final Runnable beforeEachSample;

        public HeapSampler(long intervalMillis, Runnable beforeEachSample) {
            this.beforeEachSample = beforeEachSample;
            samples.add(liveHeapMegabytes());
            Thread sampler = Thread.ofPlatform().daemon().unstarted(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(intervalMillis); // the sampling period itself, not a wait for an outcome
                    } catch (InterruptedException e) {
                        return;
                    }
                    beforeEachSample.run();
                    synchronized (samples) {
                        samples.add(liveHeapMegabytes());
                    }
                }
            });
            thread = sampler;
            sampler.start();
        }

        public List<Long> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (!running.getAndSet(false)) {
                return; // closed already
            }
            thread.interrupt();
            thread.join();
            beforeEachSample.run();
            synchronized (samples) {
                samples.add(liveHeapMegabytes());
            }
        }
    }
}
