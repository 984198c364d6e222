package dev.darkmaximus.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's check exactly as docs/integrators.md prints it (WebhookDocsTest keeps the two the same), so the
 * tests verify deliveries with the code an integrator copies, not with the sender's own.
 */
final class DocumentedSignature {

    private DocumentedSignature() {
    }

    // docs:begin
    /** True when the delivery is from the shop: a valid X-DM-Signature made within 5 minutes. */
    static boolean verified(String secret, String signatureHeader, byte[] rawBody) throws Exception {
        String t = "";
        String v1 = "";
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (!t.matches("[0-9]{1,12}") || !v1.matches("[0-9a-f]{64}")
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(mac.doFinal(rawBody), HexFormat.of().parseHex(v1));
    }
    // docs:end
}
