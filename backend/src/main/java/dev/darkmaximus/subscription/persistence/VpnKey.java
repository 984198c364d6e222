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
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public enum KeyStatus { PROVISIONING, ACTIVE, EXPIRED, REVOKED, DISABLED, FAILED }

    public enum AutoRenew { ON, OFF, INHERIT }

    /** A key about to be created on the panel: identity fixed, not yet active. */
    public static VpnKey provisioning(long customerId, long hostId, Long planId, int number, String panelEmail,
                                      UUID clientUuid, String subscriptionId, boolean trial, long trafficLimitBytes) {
        return new VpnKey(null, customerId, hostId, planId, number, null, panelEmail, clientUuid, subscriptionId,
                KeyStatus.PROVISIONING, trial, true, null, null, 0, trafficLimitBytes, AutoRenew.INHERIT, null, null,
                null, null, null, null, null, 0);
    }

    public VpnKey activated(Instant startsAt, Instant expiresAt, String connectionLink, String subscriptionUrl) {
        return new VpnKey(id, customerId, hostId, planId, number, label, panelEmail, panelClientUuid, subscriptionId,
                KeyStatus.ACTIVE, trial, enabled, startsAt, expiresAt, trafficUsedBytes, trafficLimitBytes, autoRenew,
                connectionLink, subscriptionUrl, lastSyncedAt, lastOnlineAt, comment, createdAt, updatedAt, version);
    }
}
