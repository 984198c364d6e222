package dev.darkmaximus.panel.xui;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;

/**
 * The 3x-ui client object (v2 {@code database/model/model.go} Client, v3 the {@code clients/add} body): {@code totalGB}
 * is bytes despite its name (0 = unlimited), {@code expiryTime} is epoch milliseconds (0 = never), {@code tgId} a
 * number. Both generations reset fields a write leaves out, so every write carries the whole client.
 */
final class XuiClients {

    private XuiClients() {
    }

    static ObjectNode client(JsonMapper json, ClientSpec spec, XuiCredentials credentials, XuiInbound inbound) {
        ObjectNode client = json.createObjectNode();
        switch (inbound.protocol()) {
            case "trojan" -> client.put("password", credentials.password());
            case "shadowsocks" -> {
                // Legacy ciphers name the method per client; 2022 ciphers take the inbound's (3x-ui's own form).
                String method = inbound.shadowsocksMethod();
                client.put("method", method.startsWith("2022") ? "" : method);
                client.put("password", credentials.password());
            }
            default -> {
                client.put("id", credentials.id());
                if ("vmess".equals(inbound.protocol())) {
                    client.put("security", "auto");
                }
            }
        }
        client.put("flow", credentials.flow());
        client.put("email", spec.email());
        client.put("limitIp", spec.deviceLimit());
        client.put("totalGB", spec.trafficLimitBytes());
        client.put("expiryTime", spec.expiresAt() == null ? 0 : spec.expiresAt().toEpochMilli());
        client.put("enable", spec.enabled());
        client.put("tgId", spec.telegramId());
        client.put("subId", credentials.subId());
        client.put("comment", spec.comment() == null ? "" : spec.comment());
        client.put("reset", 0);
        return client;
    }

    /**
     * The credentials a client already has on the panel, so an update never rotates them (the customer's link would
     * stop working); the flow is the stored one, or the one the inbound needs when a panel stored none.
     */
    static XuiCredentials existing(JsonNode record, XuiInbound inbound, ClientSpec spec) {
        XuiCredentials wanted = XuiCredentials.of(spec, inbound);
        String id = text(record, "id", text(record, "uuid", wanted.id()));
        String flow = text(record, "flow", wanted.flow());
        return new XuiCredentials(id, text(record, "password", wanted.password()), flow,
                text(record, "subId", wanted.subId()), spec.email());
    }

    /** A client from its settings entry, with the usage counters from its ClientTraffic when the panel has one. */
    static PanelClient fromRecord(JsonNode record, JsonNode traffic, int inboundId) {
        JsonNode counters = traffic == null || traffic.isMissingNode() || traffic.isNull() ? record : traffic;
        long expiry = record.path("expiryTime").asLong(0);
        long lastOnline = counters.path("lastOnline").asLong(0);
        String uuid = record.path("uuid").asString(record.path("id").isString() ? record.path("id").asString() : "");
        return new PanelClient(record.path("email").asString(), parseUuid(uuid),
                emptyToNull(record.path("subId").asString("")),
                inboundId != 0 ? inboundId : record.path("inboundId").asInt(0),
                record.path("enable").asBoolean(true),
                expiry > 0 ? Instant.ofEpochMilli(expiry) : null,
                record.path("totalGB").asLong(record.path("total").asLong(0)),
                counters.path("up").asLong(0) + counters.path("down").asLong(0),
                lastOnline > 0 ? Instant.ofEpochMilli(lastOnline) : null);
    }

    private static String text(JsonNode record, String field, String fallback) {
        String value = record.path(field).isString() ? record.path(field).asString() : "";
        return value.isEmpty() ? fallback : value;
    }

    private static UUID parseUuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null; // trojan/shadowsocks clients have passwords, not UUIDs
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
