package dev.darkmaximus.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs Mini App initData the way Telegram does, so tests can produce valid and tampered launches. */
public final class InitData {

    public static final String TEST_BOT_TOKEN = "123456:TEST-bot-token-for-initdata";

    private InitData() {
    }

    public static String signed(String botToken, long authDate, String userJson, Map<String, String> extra) {
        Map<String, String> fields = new TreeMap<>(extra);
        fields.put("auth_date", Long.toString(authDate));
        fields.put("user", userJson);
        String dataCheckString = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(hmac(secret, dataCheckString.getBytes(StandardCharsets.UTF_8)));
        fields.put("hash", hash);
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String userJson(long id, String firstName, String username, String language) {
        return "{\"id\":" + id + ",\"first_name\":\"" + firstName + "\",\"username\":\"" + username
                + "\",\"language_code\":\"" + language + "\",\"photo_url\":\"https:\\/\\/t.me\\/i\\/userpic\\/320\\/x.jpg\"}";
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
