package dev.darkmaximus.panel.xui;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;

/**
 * The 3x-ui client object both API generations share: {@code totalGB} is bytes despite its name (0 = unlimited),
 * {@code expiryTime} is epoch milliseconds (0 = never).
 */
final class XuiClients {

    private XuiClients() {
    }

    static ObjectNode client(JsonMapper json, ClientSpec spec) {
        ObjectNode client = json.createObjectNode();
        client.put("id", spec.uuid().toString());
        client.put("password", spec.uuid().toString()); // trojan authenticates with it; vless/vmess ignore it
        client.put("email", spec.email());
        client.put("flow", "");
        client.put("limitIp", spec.deviceLimit());
        client.put("totalGB", spec.trafficLimitBytes());
        client.put("expiryTime", spec.expiresAt() == null ? 0 : spec.expiresAt().toEpochMilli());
        client.put("enable", spec.enabled());
        client.put("tgId", spec.telegramId());
        client.put("subId", spec.subscriptionId());
        client.put("comment", spec.comment() == null ? "" : spec.comment());
        client.put("reset", 0);
        return client;
    }

    /** From a client record (or a ClientTraffic), with the counters from {@code traffic} when the panel keeps them apart. */
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
