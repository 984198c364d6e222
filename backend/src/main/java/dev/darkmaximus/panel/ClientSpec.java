package dev.darkmaximus.panel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The target state of a panel client (SPEC §4.2 identity: deterministic email, our UUID and subscription id).
 *
 * @param expiresAt         null = never
 * @param trafficLimitBytes 0 = unlimited
 * @param deviceLimit       0 = unlimited
 * @param squads            the squads this client joins instead of the host's (a plan's override); null = the host's
 */
public record ClientSpec(String email, UUID uuid, String subscriptionId, Instant expiresAt, long trafficLimitBytes,
                         int deviceLimit, boolean enabled, long telegramId, String comment, List<String> squads) {

    public ClientSpec {
        squads = squads == null ? null : List.copyOf(squads);
    }

    /** A client in the host's own squads. */
    public ClientSpec(String email, UUID uuid, String subscriptionId, Instant expiresAt, long trafficLimitBytes,
                      int deviceLimit, boolean enabled, long telegramId, String comment) {
        this(email, uuid, subscriptionId, expiresAt, trafficLimitBytes, deviceLimit, enabled, telegramId, comment, null);
    }
}
