package dev.darkmaximus.subscription;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.darkmaximus.messaging.MessageFormats;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.subscription.persistence.VpnKey;

/** How keys are named, and their dates and amounts written in messages (shop time zone, exact money). */
@Component
class KeyFormats {

    private final MessageFormats formats;

    KeyFormats(MessageFormats formats) {
        this.formats = formats;
    }

    /** The name the customer's VPN app shows for the key. */
    String remark(VpnKey key, String hostName) {
        return hostName + " #" + key.number();
    }

    String dateTime(Instant instant) {
        return formats.dateTime(instant);
    }

    static String timeLeft(Duration left) {
        return MessageFormats.timeLeft(left);
    }

    static String money(Money money) {
        return money.display();
    }
}
