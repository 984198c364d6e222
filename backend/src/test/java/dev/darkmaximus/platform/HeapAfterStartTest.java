package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HeapAfterStartTest {

    @Test
    void underSerialTheHeapIsCollectedOnceStarted() {
        AtomicInteger collections = new AtomicInteger();

        new HeapAfterStart(true, collections::incrementAndGet).settle();

        assertThat(collections).hasValue(1);
    }

    @Test
    void otherCollectorsAreLeftAlone() {
        AtomicInteger collections = new AtomicInteger();

        new HeapAfterStart(false, collections::incrementAndGet).settle();

        assertThat(collections).hasValue(0);
    }

    @Test
    void serialIsToldByItsOldGenerationsName() {
        assertThat(HeapAfterStart.serial(List.of("Copy", "MarkSweepCompact"))).isTrue();
        assertThat(HeapAfterStart.serial(List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation")))
                .isFalse();
        assertThat(HeapAfterStart.serial(List.of("PS Scavenge", "PS MarkSweep"))).isFalse();
    }
}
