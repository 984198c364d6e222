package dev.darkmaximus.panel;

import java.time.Instant;
import java.util.UUID;

/**
 * The target state of a panel client (SPEC §4.2 identity: deterministic email, our UUID and subscription id).
 *
 * @param expiresAt         null = never
 * @param trafficLimitBytes 0 = unlimited
 * @param deviceLimit       0 = unlimited
 */
public record ClientSpec(String email, UUID uuid, String subscriptionId, Instant expiresAt, long trafficLimitBytes,
                         int deviceLimit, boolean enabled, long telegramId, String comment) {
}
