package dev.darkmaximus.platform;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Under the Serial collector, one full garbage collection once the shop has started, before it reports ready.
 * <p>
 * In the container the images are made for (1 GB, so the JVM picks Serial), the heap starts at 16 MB with a young
 * generation of 5 MB, and Serial resizes the young generation only after a full collection. Under sustained load
 * after a start, every young collection (one each 30 ms at the storefront's rate in make bench) promoted the objects
 * of the requests in flight to the old generation, which grew to 400 MB until a full collection stopped the shop for
 * 200 ms (docs/benchmarks.md, 2026-12-07 evening). Collecting once here clears what starting left in the old
 * generation and sizes the young generation for what was loaded: the same load left the old generation at 71 MB a
 * minute later, with no full collection. It costs about 0.1 s of start. With the images' heap options
 * ({@code -XX:MaxHeapFreeRatio=10 -XX:-ShrinkHeapInSteps}, soft references cleared when unused) it is also where the
 * memory start-up alone needed is handed back: about 10 MB of an idle backend (docs/benchmarks.md, "idle memory
 * at the 1.5× line").
 * <p>
 * Other collectors (G1, which the JVM picks with 2 GB and two processors) size their young generation as they go:
 * nothing is done. {@code -XX:+DisableExplicitGC} turns it off.
 */
@Component
class HeapAfterStart {

    private static final Logger log = LoggerFactory.getLogger(HeapAfterStart.class);

    private final boolean serial;
    private final Runnable collect;

    HeapAfterStart() {
        this(serial(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .toList()), System::gc);
    }

    HeapAfterStart(boolean serial, Runnable collect) {
        this.serial = serial;
        this.collect = collect;
    }

    /** Serial's old generation is "MarkSweepCompact" to the JVM's management beans. */
    static boolean serial(List<String> collectors) {
        return collectors.contains("MarkSweepCompact");
    }

    @EventListener(ApplicationReadyEvent.class)
    void settle() {
        if (!serial) {
            return;
        }
        long started = System.nanoTime();
        collect.run();
        log.debug("Heap settled after start in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
