package dev.darkmaximus.miniapp;

/** Plain arithmetic for key cards, kept out of the DOM code so it is unit-tested on the JVM. */
final class KeyFacts {

    private static final long DAY = 86_400_000L;
    private static final long GIB = 1L << 30;

    private KeyFacts() {
    }

    /** Whole days left, rounded up (a key with 2 h left shows "1 day"); 0 once expired; -1 when unknown. */
    static long daysLeft(long expiresAtMillis, long nowMillis) {
        if (expiresAtMillis <= 0) {
            return -1;
        }
        long left = expiresAtMillis - nowMillis;
        return left <= 0 ? 0 : (left + DAY - 1) / DAY;
    }

    /** Gigabytes with at most one decimal, computed in integers ("1.5", "50"). */
    static String gigabytes(long bytes) {
        long tenths = (bytes * 10 + GIB / 2) / GIB;
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }

    static int percent(long used, long limit) {
        if (limit <= 0) {
            return 0;
        }
        return (int) Math.min(100, used * 100 / limit);
    }
}
