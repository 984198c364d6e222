package dev.darkmaximus.subscription.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyView;
import dev.darkmaximus.subscription.RenewalRoutes;

/** A key as staff see it, with its panel identity and sync state. */
public record KeyResponse(
        @Schema(example = "42") long id,
        @Schema(example = "17") long customerId,
        @Schema(example = "3") long hostId,
        @Schema(example = "Amsterdam") String hostName,
        @Schema(description = "Absent for a trial key.", example = "5") Long planId,
        @Schema(example = "1") int number,
        String label,
        @Schema(example = "active",
                allowableValues = {"provisioning", "active", "expired", "revoked", "disabled", "failed"}) String status,
        boolean trial,
        @Schema(description = "False when an admin switched the key off.") boolean enabled,
        Instant startsAt,
        Instant expiresAt,
        long trafficUsedBytes,
        @Schema(description = "0 = unlimited.") long trafficLimitBytes,
        @Schema(example = "inherit",
                allowableValues = {"on", "off", "inherit"}) String autoRenew,
        boolean autoRenewEffective,
        String connectionLink,
        String subscriptionUrl,
        @Schema(example = "both",
                allowableValues = {"key", "subscription", "both", "cabinet", "cabinet_subscription"})
        String provisionMode,
        @Schema(description = "The client's email on the panel.", example = "dm1000-k42") String panelEmail,
        @Schema(description = "Set when the last sync did not find the client on the panel.")
        Instant panelMissingSince,
        Instant lastSyncedAt,
        Instant lastOnlineAt,
        Instant createdAt,
        @Schema(description = "How the key renews: `card` (charged to the customer's saved card, then the balance), "
                + "`balance`, or null when it doesn't renew automatically (off, or a trial).",
                allowableValues = {"card", "balance"}) String renewsWith,
        @Schema(description = "With `renewsWith` = card: the card, as its owner sees it.",
                example = "Bank card *4444") String renewalCard) {

    static KeyResponse from(KeyView k, RenewalRoutes.Route route) {
        return new KeyResponse(k.id(), k.customerId(), k.hostId(), k.hostName(), k.planId(), k.number(), k.label(),
                k.status(), k.trial(), k.enabled(), k.startsAt(), k.expiresAt(), k.trafficUsedBytes(),
                k.trafficLimitBytes(), k.autoRenew(), k.autoRenewEffective(), k.connectionLink(), k.subscriptionUrl(),
                k.provisionMode(), k.panelEmail(), k.panelMissingSince(), k.lastSyncedAt(), k.lastOnlineAt(),
                k.createdAt(), route.renewsWith(), route.card());
    }
}
