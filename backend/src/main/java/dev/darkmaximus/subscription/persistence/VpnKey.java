package dev.darkmaximus.subscription.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One subscription on one panel. The panel identity (email, client UUID, subscription id) is fixed before the panel
 * is called, so a retried provisioning adopts what an interrupted one created (SPEC §4.2).
 */
@Table("vpn_keys")
public record VpnKey(
        @Id Long id,
        long customerId,
        long hostId,
        Long planId,
        int number,
        String label,
        String panelEmail,
        UUID panelClientUuid,
        String subscriptionId,
        KeyStatus status,
        boolean trial,
        boolean enabled,
        Instant startsAt,
        Instant expiresAt,
        long trafficUsedBytes,
        long trafficLimitBytes,
        AutoRenew autoRenew,
        String connectionLink,
        String subscriptionUrl,
        Instant lastSyncedAt,
        Instant lastOnlineAt,
        String comment,
        Instant panelMissingSince,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public enum KeyStatus { PROVISIONING, ACTIVE, EXPIRED, REVOKED, DISABLED, FAILED }

    public enum AutoRenew { ON, OFF, INHERIT }

    public boolean live() {
        return status != KeyStatus.REVOKED;
    }
}
