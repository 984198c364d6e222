package dev.darkmaximus.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * A client as the panel reports it; {@code usedBytes} is upload + download.
 *
 * @param inboundId       the 3x-ui inbound holding it; 0 on panels without inbounds per client (Remnawave)
 * @param subscriptionUrl the panel's own subscription address for it (Remnawave), or null
 */
public record PanelClient(String email, UUID uuid, String subscriptionId, int inboundId, boolean enabled,
                          Instant expiresAt, long trafficLimitBytes, long usedBytes, Instant lastOnlineAt,
                          String subscriptionUrl) {

    /** A client the panel gives no subscription address of its own (3x-ui). */
    public PanelClient(String email, UUID uuid, String subscriptionId, int inboundId, boolean enabled,
                       Instant expiresAt, long trafficLimitBytes, long usedBytes, Instant lastOnlineAt) {
        this(email, uuid, subscriptionId, inboundId, enabled, expiresAt, trafficLimitBytes, usedBytes, lastOnlineAt,
                null);
    }
}
