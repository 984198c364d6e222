package dev.darkmaximus.subscription.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyView;

/** A key as its owner sees it. Links follow the plan's provision mode (SPEC §4.5). */
public record MyKeyResponse(
        @Schema(example = "42") long id,
        @Schema(description = "The key's number among the customer's keys.", example = "1") int number,
        @Schema(description = "The customer's own name for the key.", example = "Phone") String label,
        @Schema(example = "Нидерланды") String hostName,
        @Schema(description = "The host's name for customers who read English; null = `hostName`.",
                example = "Netherlands", nullable = true) String hostNameEn,
        @Schema(description = "provisioning (being prepared), active, expired, disabled, failed (we are on it); "
                + "revoked keys are not listed.",
                example = "active",
                allowableValues = {"provisioning", "active", "expired", "revoked", "disabled", "failed"})
        String status,
        @Schema(example = "false") boolean trial,
        @Schema(example = "2026-12-24T10:15:30Z") Instant expiresAt,
        @Schema(example = "1073741824") long trafficUsedBytes,
        @Schema(description = "0 = unlimited.", example = "53687091200") long trafficLimitBytes,
        @Schema(description = "on, off, or inherit (follow the customer's default).", example = "inherit",
                allowableValues = {"on", "off", "inherit"}) String autoRenew,
        @Schema(description = "Whether the key renews from the balance before expiry, defaults resolved.")
        boolean autoRenewEffective,
        @Schema(description = "Connection link to import into a VPN app; absent while being prepared or when the "
                + "plan gives a subscription only.", example = "vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@vpn.example.com:443?type=tcp&security=reality#Amsterdam%20%231")
        String connectionLink,
        @Schema(description = "Subscription URL; absent when the plan gives a link only or the host has none.",
                example = "https://sub.example.com/sub/k7p2x9q4m1n8b3v6") String subscriptionUrl,
        @Schema(example = "both",
                allowableValues = {"key", "subscription", "both", "cabinet", "cabinet_subscription"})
        String provisionMode,
        @Schema(description = "Whether more time can be bought for this key (`kind: EXTEND_KEY`): not revoked, and "
                + "bought on a plan still on sale (a trial can't be extended; buy a new key instead).",
                example = "true") boolean extendable) {

    static MyKeyResponse from(KeyView k) {
        boolean link = !k.provisionMode().equals("subscription") && !k.provisionMode().equals("cabinet_subscription");
        boolean subscription = !k.provisionMode().equals("key");
        return new MyKeyResponse(k.id(), k.number(), k.label(), k.hostName(), k.hostNameEn(), k.status(), k.trial(), k.expiresAt(),
                k.trafficUsedBytes(), k.trafficLimitBytes(), k.autoRenew(), k.autoRenewEffective(),
                link ? k.connectionLink() : null, subscription ? k.subscriptionUrl() : null, k.provisionMode(),
                k.extendable());
    }
}
