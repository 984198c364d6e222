package dev.darkmaximus.panel.xui;

import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * An inbound as the panel reports it, with {@code settings} and {@code streamSettings} parsed: v2 sends them as JSON
 * strings ({@code database/model/model.go} Inbound), v3 as objects.
 */
record XuiInbound(int id, String protocol, int port, String listen, String remark, JsonNode settings,
                  JsonNode stream, JsonNode clientStats) {

    /** Protocols whose clients the shop can create, link and revoke on both API generations. */
    static final Set<String> SUPPORTED = Set.of("vless", "vmess", "trojan", "shadowsocks");

    static XuiInbound from(JsonMapper json, JsonNode inbound) {
        return new XuiInbound(inbound.path("id").asInt(), inbound.path("protocol").asString(""),
                inbound.path("port").asInt(), inbound.path("listen").asString(""), inbound.path("remark").asString(""),
                parsed(json, inbound.path("settings")), parsed(json, inbound.path("streamSettings")),
                inbound.path("clientStats"));
    }

    private static JsonNode parsed(JsonMapper json, JsonNode maybeString) {
        if (maybeString.isString()) {
            String text = maybeString.asString();
            return text.isBlank() ? json.createObjectNode() : json.readTree(text);
        }
        return maybeString.isObject() ? maybeString : json.createObjectNode();
    }

    /** Why the shop can't sell keys on this inbound, or empty when it can. */
    Optional<String> unsupportedReason() {
        if (!SUPPORTED.contains(protocol)) {
            return Optional.of("inbound " + id + " is " + (protocol.isEmpty() ? "of an unknown protocol" : protocol)
                    + "; the shop creates keys on VLESS, VMess, Trojan and Shadowsocks inbounds only");
        }
        if ("shadowsocks".equals(protocol) && !shadowsocksMultiUser()) {
            return Optional.of("inbound " + id + " is single-user Shadowsocks (" + shadowsocksMethod()
                    + "); use a 2022-blake3 or AEAD cipher with clients");
        }
        return Optional.empty();
    }

    /** Shadowsocks ciphers that take per-client users (the panel's own check, web/assets inbound form). */
    private boolean shadowsocksMultiUser() {
        String method = shadowsocksMethod();
        return method.startsWith("2022-blake3-aes") || method.equals("aes-128-gcm") || method.equals("aes-256-gcm")
                || method.equals("chacha20-poly1305") || method.equals("chacha20-ietf-poly1305")
                || method.equals("xchacha20-poly1305") || method.equals("xchacha20-ietf-poly1305");
    }

    String shadowsocksMethod() {
        return settings.path("method").asString("");
    }

    /** The flow new clients need: Vision on VLESS over TCP with TLS or Reality, as the panel's own form sets it. */
    String clientFlow() {
        return XuiLinks.flow(protocol, settings, stream);
    }

    /** The client with this email in the inbound's settings. */
    Optional<JsonNode> client(String email) {
        for (JsonNode client : settings.path("clients")) {
            if (email.equals(client.path("email").asString(""))) {
                return Optional.of(client);
            }
        }
        return Optional.empty();
    }

    /** The traffic row the inbound carries for this email (v2's clientStats), or a missing node. */
    JsonNode stats(String email) {
        for (JsonNode row : clientStats) {
            if (email.equals(row.path("email").asString(""))) {
                return row;
            }
        }
        return MissingNode.getInstance();
    }
}
