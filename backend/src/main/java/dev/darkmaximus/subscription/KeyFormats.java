package dev.darkmaximus.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKey;

/** How keys are named and their dates and amounts written in messages (shop time zone, exact money). */
@Component
class KeyFormats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final ShopSettings settings;

    KeyFormats(ShopSettings settings) {
        this.settings = settings;
    }

    /** The name the customer's VPN app shows for the key. */
    String remark(VpnKey key, String hostName) {
        return hostName + " #" + key.number();
    }

    String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(settings.timeZone()));
    }

    /** "3 d", "24 h", "45 min": language-neutral on purpose, the templates carry the words. */
    static String timeLeft(Duration left) {
        if (left.toDays() >= 1) {
            return left.toDays() + " d";
        }
        if (left.toHours() >= 1) {
            return left.toHours() + " h";
        }
        return Math.max(1, left.toMinutes()) + " min";
    }

    static String money(Money money) {
        return money.display();
    }
}
