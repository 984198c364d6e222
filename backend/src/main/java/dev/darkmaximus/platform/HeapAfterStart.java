package dev.darkmaximus.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One full garbage collection once the shop has started, before it reports ready.
 * <p>
 * In the container the images are made for (1 GB, so the JVM picks the Serial collector), the heap starts at 16 MB
 * with a young generation of 5 MB, and Serial sizes the young generation only after a full collection. Under load,
 * every young collection (one each 30 ms at the storefront's rate) then promotes the objects of the requests in
 * flight to the old generation, which grows to 400 MB until a full collection stops the shop for 200 ms
 * (make bench, docs/benchmarks.md 2026-12-07 evening). Collecting once here clears what starting left in the old
 * generation and sizes the young generation for what was loaded: after it, the same load left the old generation
 * at 71 MB a minute later, with no full collection. It costs about 0.1 s of start and no resident memory (pages of a
 * young generation are only touched when used). {@code -XX:+DisableExplicitGC} turns it off.
 */
@Component
class HeapAfterStart {

    private static final Logger log = LoggerFactory.getLogger(HeapAfterStart.class);

    @EventListener(ApplicationReadyEvent.class)
    void settle() {
        long started = System.nanoTime();
        System.gc();
        log.debug("Heap settled after start in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
