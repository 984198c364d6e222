package dev.darkmaximus.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram ids no other test (and, likely, no earlier run on a reused TEST_DATABASE_URL) has used, so tests never
 * meet each other's customers.
 */
public final class TestIds {

    private static final AtomicLong NEXT =
            new AtomicLong(2_000_000_000L + (System.currentTimeMillis() % 10_000_000L) * 100L);

    private static final AtomicLong UPDATES = new AtomicLong(500_000_000L);

    private TestIds() {
    }

    public static long telegramId() {
        return NEXT.incrementAndGet();
    }

    /** A Telegram update id no other test used (updates are deduplicated by id across the whole run). */
    public static long updateId() {
        return UPDATES.incrementAndGet();
    }

    /** The first of {@code count} consecutive fresh ids. */
    public static long telegramIds(int count) {
        return NEXT.getAndAdd(count) + 1;
    }
}
