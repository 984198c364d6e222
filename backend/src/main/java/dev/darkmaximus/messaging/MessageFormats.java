package dev.darkmaximus.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.settings.ShopSettings;

/** How dates and durations are written in messages: the shop's time zone, language-neutral units. */
@Component
public class MessageFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ShopSettings settings;

    MessageFormats(ShopSettings settings) {
        this.settings = settings;
    }

    public String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(settings.timeZone()));
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
