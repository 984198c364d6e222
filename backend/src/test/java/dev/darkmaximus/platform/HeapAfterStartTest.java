package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class HeapAfterStartTest {

    /** The collectors' beans that count full collections (Serial, Parallel, G1). */
    private static final Set<String> FULL = Set.of("MarkSweepCompact", "PS MarkSweep", "G1 Old Generation");

    @Test
    void settlingRunsAFullCollection() {
        Map<String, Long> before = fullCollections();

        new HeapAfterStart().settle();

        Map<String, Long> after = fullCollections();
        assertThat(after).as("this JVM's collector counts full collections").isNotEmpty();
        assertThat(after.entrySet()).anySatisfy(e -> assertThat(e.getValue()).isGreaterThan(before.get(e.getKey())));
    }

    private static Map<String, Long> fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> FULL.contains(gc.getName()))
                .collect(Collectors.toMap(GarbageCollectorMXBean::getName, GarbageCollectorMXBean::getCollectionCount));
    }
}
