package dev.darkmaximus.panel.xui;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

import dev.darkmaximus.panel.ClientSpec;

/**
 * What one panel client authenticates with on a given inbound: the UUID for VLESS and VMess, a password for Trojan
 * and Shadowsocks. Everything derives from the key's own UUID, so a retried create sends the same credentials and
 * the link built before the panel answered stays valid.
 *
 * @param flow the VLESS flow the inbound needs ("" for none)
 */
record XuiCredentials(String id, String password, String flow, String subId, String email) {

    static XuiCredentials of(ClientSpec spec, XuiInbound inbound) {
        String uuid = spec.uuid().toString();
        String password = switch (inbound.protocol()) {
            case "trojan" -> uuid;
            case "shadowsocks" -> shadowsocksKey(inbound.shadowsocksMethod(), spec);
            default -> "";
        };
        return new XuiCredentials(uuid, password, inbound.clientFlow(),
                spec.subscriptionId() == null ? "" : spec.subscriptionId(), spec.email());
    }

    /**
     * Shadowsocks 2022 wants a base64 key of the cipher's size (16 bytes for aes-128, 32 for the others, checked by
     * Xray when the config loads); the older AEAD ciphers take any password.
     */
    private static String shadowsocksKey(String method, ClientSpec spec) {
        if (!method.startsWith("2022")) {
            return spec.uuid().toString();
        }
        byte[] uuid = ByteBuffer.allocate(16).putLong(spec.uuid().getMostSignificantBits())
                .putLong(spec.uuid().getLeastSignificantBits()).array();
        byte[] key = method.contains("aes-128") ? uuid : sha256(uuid);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The id v2's updateClient/delClient take in the path for a client as the panel stores it: the Trojan password,
     * the Shadowsocks email, else the UUID ({@code web/service/inbound.go} DelInboundClient, UpdateInboundClient).
     */
    static String clientId(JsonNode record, String protocol) {
        return switch (protocol) {
            case "trojan" -> record.path("password").asString("");
            case "shadowsocks" -> record.path("email").asString("");
            default -> record.path("id").asString("");
        };
    }
}
