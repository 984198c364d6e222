package dev.darkmaximus.miniapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KeyFactsTest {

    private static final long NOW = 1_764_000_000_000L;

    @Test
    void daysLeftRoundUpAndStopAtZero() {
        assertEquals(1, KeyFacts.daysLeft(NOW + 2 * 3_600_000L, NOW));
        assertEquals(3, KeyFacts.daysLeft(NOW + 3 * 86_400_000L, NOW));
        assertEquals(0, KeyFacts.daysLeft(NOW - 1, NOW));
        assertEquals(-1, KeyFacts.daysLeft(0, NOW));
    }

    @Test
    void trafficIsShownInGigabytesWithOneDecimalAndABoundedBar() {
        assertEquals("1.5", KeyFacts.gigabytes(3L << 29));
        assertEquals("50", KeyFacts.gigabytes(50L << 30));
        assertEquals("0", KeyFacts.gigabytes(0));
        assertEquals(25, KeyFacts.percent(1, 4));
        assertEquals(100, KeyFacts.percent(9, 4));
        assertEquals(0, KeyFacts.percent(5, 0));
    }
}
