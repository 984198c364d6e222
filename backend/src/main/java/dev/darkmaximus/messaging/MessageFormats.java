package dev.darkmaximus.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.settings.ShopSettings;

/** How dates, durations and sizes are written to customers: the shop's time zone, the reader's notation. */
@Component
public class MessageFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final long GIB = 1L << 30;

    private final ShopSettings settings;

    MessageFormats(ShopSettings settings) {
        this.settings = settings;
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(settings.timeZone()));
    }

    /** Whole days left as a person counts them: a fresh 3-day key has 3, a key with 10 hours left has 1. */
    public static long daysLeft(Instant now, Instant expiresAt) {
        long seconds = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        return (seconds + 86_399) / 86_400;
    }

    /** Bytes as gigabytes with one decimal, rounded half up, in the language's notation ("1,5", "1.5"). */
    public static String gigabytes(long bytes, String language) {
        long tenths = (Math.max(0, bytes) * 10 + GIB / 2) / GIB; // exact: a key's traffic is far from overflowing
        return (tenths / 10) + ("ru".equals(language) ? "," : ".") + (tenths % 10);
    }

    /**
     * "3 d", "24 h", "45 min": language-neutral on purpose, the templates carry the words. Rounded to the nearest
     * unit, as a person reads it: the 3-day reminder goes out with 71 h 55 min left and says "3 d", not "2 d".
     */
    public static String timeLeft(Duration left) {
        long seconds = Math.max(0, left.toSeconds());
        long hours = (seconds + 1_800) / 3_600;
        if (hours >= 24) {
            return Math.max(1, (seconds + 43_200) / 86_400) + " d";
        }
        if (hours >= 1) {
            return hours + " h";
        }
        return Math.max(1, (seconds + 30) / 60) + " min";
    }
}
