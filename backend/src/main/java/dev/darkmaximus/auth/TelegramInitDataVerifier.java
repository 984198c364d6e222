package dev.darkmaximus.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.customer.TelegramProfile;
import dev.darkmaximus.platform.error.ApiException;

/**
 * Verifies Mini App initData as Telegram documents it: HMAC-SHA256 over the sorted "key=value" lines (all fields but
 * hash) with the key HMAC_SHA256("WebAppData", botToken), compared in constant time, then a freshness check on
 * auth_date. The user JSON is read from the verified string, never re-serialised before checking.
 */
final class TelegramInitDataVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final byte[] secretKey;
    private final Duration maxAge;
    private final Clock clock;
    private final JsonMapper json;

    public TelegramInitDataVerifier(String botToken, Duration maxAge, Clock clock, JsonMapper json) {
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        this.maxAge = maxAge;
        this.clock = clock;
        this.json = json;
    }

    public Verified verify(String initData) {
        Map<String, String> fields = parse(initData);
        String hash = fields.remove("hash");
        if (hash == null || !fields.containsKey("auth_date") || !fields.containsKey("user")) {
            throw invalid("initData lacks hash, auth_date or user.");
        }
        String dataCheckString = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        byte[] expected = hmac(secretKey, dataCheckString.getBytes(StandardCharsets.UTF_8));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hash);
        } catch (IllegalArgumentException notHex) {
            throw invalid("initData signature is malformed.");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid("initData signature does not match.");
        }
        Instant authDate = parseAuthDate(fields.get("auth_date"));
        Instant now = clock.instant();
        if (authDate.isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("initData auth_date lies in the future.");
        }
        if (authDate.isBefore(now.minus(maxAge))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "stale_init_data",
                    "initData is too old; reopen the Mini App from Telegram.");
        }
        return new Verified(profile(fields.get("user")), fields.get("start_param"), authDate);
    }

    private TelegramProfile profile(String userJson) {
        JsonNode user;
        try {
            user = json.readTree(userJson);
        } catch (RuntimeException e) {
            throw invalid("initData user is not JSON.");
        }
        long id = user.path("id").asLong(0);
        if (id <= 0) {
            throw invalid("initData user has no id.");
        }
        return new TelegramProfile(id, text(user, "username"), text(user, "first_name"), text(user, "last_name"),
                text(user, "language_code"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Map<String, String> parse(String initData) {
        Map<String, String> fields = new TreeMap<>();
        if (initData == null || initData.isBlank()) {
            throw invalid("initData is empty.");
        }
        for (String pair : initData.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid("initData is not a query string.");
            }
            try {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                throw invalid("initData is not a query string.");
            }
        }
        return fields;
    }

    private static Instant parseAuthDate(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw invalid("initData auth_date is not a number.");
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_init_data", detail);
    }

    /** A verified Mini App launch: who, with which start parameter, signed when. */
    public record Verified(TelegramProfile profile, String startParam, Instant authDate) {
    }
}
