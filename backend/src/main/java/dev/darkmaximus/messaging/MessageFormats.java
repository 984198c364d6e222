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

    /** "3 d", "24 h", "45 min": language-neutral on purpose, the templates carry the words. */
    public static String timeLeft(Duration left) {
        if (left.toDays() >= 1) {
            return left.toDays() + " d";
        }
        if (left.toHours() >= 1) {
            return left.toHours() + " h";
        }
        return Math.max(1, left.toMinutes()) + " min";
    }
}
