package dev.darkmaximus.subscription.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.subscription.KeyView;

/** A key as an integrator sees it: the customer's view plus ids to reconcile with, without panel internals. */
public record IntegrationKeyResponse(
        @Schema(example = "42") long id,
        @Schema(example = "17") long customerId,
        @Schema(description = "The key's number among the customer's keys.", example = "1") int number,
        @Schema(description = "The customer's own name for the key.", example = "Phone") String label,
        @Schema(example = "3") long hostId,
        @Schema(example = "Amsterdam", requiredMode = Schema.RequiredMode.REQUIRED) String hostName,
        @Schema(description = "Absent for a trial key.", example = "5") Long planId,
        @Schema(description = "provisioning (being prepared: links come when it is active), active, expired, "
                + "disabled, failed (the shop is on it), revoked.", example = "active",
                allowableValues = {"provisioning", "active", "expired", "revoked", "disabled", "failed"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String status,
        @Schema(example = "false") boolean trial,
        @Schema(example = "2026-12-24T10:15:30Z") Instant expiresAt,
        @Schema(example = "1073741824") long trafficUsedBytes,
        @Schema(description = "0 = unlimited.", example = "53687091200") long trafficLimitBytes,
        @Schema(description = "Connection link to import into a VPN app; absent while being prepared or when the "
                + "plan gives a subscription only.", example = "vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@vpn.example.com:443?type=tcp&security=reality#Amsterdam%20%231")
        String connectionLink,
        @Schema(description = "Subscription URL; absent when the plan gives a link only or the host has none.",
                example = "https://sub.example.com/sub/k7p2x9q4m1n8b3v6") String subscriptionUrl,
        @Schema(example = "2026-11-24T10:15:30Z", requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {

    static IntegrationKeyResponse from(KeyView k) {
        MyKeyResponse own = MyKeyResponse.from(k);
        return new IntegrationKeyResponse(k.id(), k.customerId(), k.number(), k.label(), k.hostId(), k.hostName(),
                k.planId(), k.status(), k.trial(), k.expiresAt(), k.trafficUsedBytes(), k.trafficLimitBytes(),
                own.connectionLink(), own.subscriptionUrl(), k.createdAt());
    }
}
