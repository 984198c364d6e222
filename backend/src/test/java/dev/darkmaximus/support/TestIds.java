package dev.darkmaximus.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram ids no other test (and, likely, no earlier run on a reused TEST_DATABASE_URL) has used, so tests never
 * meet each other's customers.
 */
public final class TestIds {

    private static final AtomicLong NEXT =
            new AtomicLong(2_000_000_000L + (System.currentTimeMillis() % 10_000_000L) * 100L);

    private TestIds() {
    }

    public static long telegramId() {
        return NEXT.incrementAndGet();
    }

    /** The first of {@code count} consecutive fresh ids. */
    public static long telegramIds(int count) {
        return NEXT.getAndAdd(count) + 1;
    }
}
