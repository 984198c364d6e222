package dev.darkmaximus.panel.remnawave;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;

/**
 * A key as a Remnawave user and back, per the contract package {@code @remnawave/backend-contract} 2.7.2 and 3.4.15
 * ({@code commands/users/create-user.command}, {@code update-user.command}, {@code models/users.schema},
 * {@code extended-users.schema}, {@code user-traffic.schema}).
 */
final class RemnawaveUsers {

    /**
     * The panel requires an expiry; a key that never expires gets this one, and any expiry from it on reads back as
     * "never".
     */
    static final Instant NEVER = Instant.parse("2099-12-31T00:00:00Z");

    /** How far ahead an expiry must be for the panel to take it on update, with room for clocks that differ a bit. */
    static final Duration SHORTEST = Duration.ofMinutes(2);

    private RemnawaveUsers() {
    }

    /** POST /api/users: the whole user; the panel makes up the subscription's short id and the other secrets. */
    static ObjectNode createBody(PanelConnection panel, ClientSpec spec, ObjectNode body) {
        body.put("username", spec.email());
        body.put("expireAt", expiry(spec).toString());
        body.put("vlessUuid", spec.uuid().toString());
        body.put("status", spec.enabled() ? "ACTIVE" : "DISABLED");
        return common(panel, spec, body);
    }

    /**
     * PATCH /api/users by username (both generations accept it; 2.x also takes {@code uuid}, 3.x {@code id}), written
     * against what the panel holds now ({@code current}), because the panel's update reads more into a field than
     * its value ({@code users.service.ts} updateUser, 2.7.4 and 3.3.2):
     * <ul>
     *   <li>It refuses an expiry in the past ("Expiration date cannot be in the past"). A key the shop ended early (a
     *       refund, an admin's shortening) while the panel's date is still ahead gets the earliest expiry the panel
     *       takes, {@link #SHORTEST} from now; when both have ended, the date is left alone.</li>
     *   <li>{@code status: ACTIVE} turns any other status (EXPIRED, LIMITED) back to ACTIVE and re-adds the user to
     *       the nodes, so it is sent only to switch a DISABLED user back on; a new expiry revives an EXPIRED user and
     *       a higher limit a LIMITED one by themselves. A key switched off always sends DISABLED, which also keeps a
     *       new expiry from reviving it.</li>
     * </ul>
     */
    static ObjectNode updateBody(PanelConnection panel, ClientSpec spec, JsonNode current, Instant now,
                                 ObjectNode body) {
        body.put("username", spec.email());
        Instant wanted = expiry(spec);
        Instant earliest = now.plus(SHORTEST);
        Instant onPanel = instant(current.path("expireAt"));
        if (wanted.isAfter(earliest)) {
            body.put("expireAt", wanted.toString());
        } else if (onPanel == null || onPanel.isAfter(earliest)) {
            body.put("expireAt", earliest.toString());
        }
        if (!spec.enabled()) {
            body.put("status", "DISABLED");
        } else if ("DISABLED".equals(current.path("status").asString(""))) {
            body.put("status", "ACTIVE");
        }
        return common(panel, spec, body);
    }

    private static ObjectNode common(PanelConnection panel, ClientSpec spec, ObjectNode body) {
        body.put("trafficLimitBytes", spec.trafficLimitBytes());
        body.put("trafficLimitStrategy", panel.options().trafficStrategy());
        // 0 = no device limit on Remnawave as here (subscription.service.ts skips the check); null would mean the
        // panel's fallback limit, which the shop never wants.
        body.put("hwidDeviceLimit", spec.deviceLimit());
        ArrayNode squads = body.putArray("activeInternalSquads");
        squads(panel, spec).forEach(squads::add);
        if (spec.telegramId() > 0) {
            body.put("telegramId", spec.telegramId());
        }
        if (spec.comment() != null) {
            body.put("description", spec.comment());
        }
        return body;
    }

    static List<String> squads(PanelConnection panel, ClientSpec spec) {
        return spec.squads() != null && !spec.squads().isEmpty() ? spec.squads() : panel.options().squads();
    }

    private static Instant expiry(ClientSpec spec) {
        return spec.expiresAt() == null || spec.expiresAt().isAfter(NEVER) ? NEVER : spec.expiresAt();
    }

    /** The user as the shop's panel client: the username is its identity, usage is what counts against its limit. */
    static PanelClient client(JsonNode user) {
        if (user == null || !user.path("username").isString()) {
            throw new PanelException("the panel's user answer has no username", false);
        }
        JsonNode traffic = user.path("userTraffic");
        long used = traffic.isObject() ? traffic.path("usedTrafficBytes").asLong(0)
                : user.path("usedTrafficBytes").asLong(0); // before userTraffic existed (2.0 … 2.1)
        Instant online = instant(traffic.isObject() ? traffic.path("onlineAt") : user.path("onlineAt"));
        Instant expires = instant(user.path("expireAt"));
        return new PanelClient(user.path("username").asString(), uuid(user.path("vlessUuid")),
                user.path("shortUuid").asString(null), 0, !"DISABLED".equals(user.path("status").asString("")),
                expires == null || !expires.isBefore(NEVER) ? null : expires, user.path("trafficLimitBytes").asLong(0),
                used, online, user.path("subscriptionUrl").asString(null));
    }

    /**
     * How the panel's paths name the user: its {@code uuid} on 2.x ({@code /api/users/{uuid}}), its numeric {@code id}
     * on 3.x ({@code /api/users/{userId}}); 2.x answers carry both, 3.x only the id.
     */
    static String handle(JsonNode user) {
        if (user.path("uuid").isString()) {
            return user.path("uuid").asString();
        }
        if (user.path("id").isNumber()) {
            return Long.toString(user.path("id").asLong());
        }
        throw new PanelException("the panel's user answer has neither uuid nor id", false);
    }

    private static Instant instant(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return Instant.parse(node.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(JsonNode node) {
        try {
            return node.isString() ? UUID.fromString(node.asString()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
