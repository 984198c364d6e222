package dev.darkmaximus.panel;

import java.time.Instant;
import java.util.UUID;

/** A client as the panel reports it; {@code usedBytes} is upload + download. */
public record PanelClient(String email, UUID uuid, String subscriptionId, int inboundId, boolean enabled,
                          Instant expiresAt, long trafficLimitBytes, long usedBytes, Instant lastOnlineAt) {
}
