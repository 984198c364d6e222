package dev.darkmaximus.bot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/**
 * Callback data is {@code action:arg:arg~signature}: compact (Telegram allows 64 bytes) and signed with a key derived
 * from the bot token over the tapping user's id, so a forged or replayed-by-someone-else button is refused before
 * any handler runs. Handlers still check ownership through the services; the signature only makes tampering loud.
 * Buttons carry ids and choices, never prices: amounts always come from the services at the moment of the tap.
 */
@Component
class CallbackCodec {

    static final int MAX_BYTES = 64;
    private static final int SIGNATURE_BYTES = 6;

    private final byte[] key;

    CallbackCodec(TelegramProperties telegram) {
        this.key = hmac("dm-callback-data".getBytes(StandardCharsets.UTF_8),
                telegram.botToken().getBytes(StandardCharsets.UTF_8));
    }

    String encode(long userId, String... parts) {
        for (String part : parts) {
            if (part.contains(":") || part.contains("~")) {
                throw new IllegalArgumentException("callback parts can't contain ':' or '~': " + part);
            }
        }
        String payload = String.join(":", parts);
        String data = payload + "~" + signature(userId, payload);
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + data);
        }
        return data;
    }

    /** The parts when the data was made by {@link #encode} for this user; empty for anything forged or foreign. */
    Optional<List<String>> decode(long userId, String data) {
        if (data == null) {
            return Optional.empty();
        }
        int tilde = data.lastIndexOf('~');
        if (tilde <= 0) {
            return Optional.empty();
        }
        String payload = data.substring(0, tilde);
        byte[] given = data.substring(tilde + 1).getBytes(StandardCharsets.UTF_8);
        byte[] expected = signature(userId, payload).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            return Optional.empty();
        }
        return Optional.of(List.of(payload.split(":", -1)));
    }

    private String signature(long userId, String payload) {
        byte[] mac = hmac(key, (userId + ":" + payload).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, SIGNATURE_BYTES));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
