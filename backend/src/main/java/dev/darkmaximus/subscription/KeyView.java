package dev.darkmaximus.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.darkmaximus.subscription.persistence.VpnKey;

/**
 * A key as services and the API see it; {@code subscriptionId} is the unguessable id of its public page. {@code autoRenewEffective} resolves INHERIT against the customer's default.
 */
public record KeyView(long id, long customerId, long hostId, String hostName, Long planId, int number, String label,
                      String status, boolean trial, boolean enabled, Instant startsAt, Instant expiresAt,
                      long trafficUsedBytes, long trafficLimitBytes, String autoRenew, boolean autoRenewEffective,
                      String connectionLink, String subscriptionUrl, String provisionMode, String panelEmail,
                      Instant panelMissingSince, Instant lastSyncedAt, Instant lastOnlineAt, Instant createdAt,
                      boolean extendable, String subscriptionId, String hostNameEn) {

    /** @param extendable {@link KeyTerms#extendable}, decided by the caller who knows the plan */
    static KeyView from(VpnKey k, HostNames host, boolean customerDefault, String provisionMode, boolean extendable) {
        // A trial has no plan to renew on; it is extended by buying one.
        boolean effective = k.planId() != null && !k.trial() && switch (k.autoRenew()) {
            case ON -> true;
            case OFF -> false;
            case INHERIT -> customerDefault;
        };
        return new KeyView(k.id(), k.customerId(), k.hostId(), host.name(), k.planId(), k.number(), k.label(),
                lower(k.status().name()), k.trial(), k.enabled(), k.startsAt(), k.expiresAt(), k.trafficUsedBytes(),
                k.trafficLimitBytes(), lower(k.autoRenew().name()), effective, k.connectionLink(),
                k.subscriptionUrl(), provisionMode, k.panelEmail(), k.panelMissingSince(), k.lastSyncedAt(),
                k.lastOnlineAt(), k.createdAt(), extendable, k.subscriptionId(), host.nameEn());
    }

    /** The host's name for a customer reading {@code language}. */
    public String hostNameFor(String language) {
        return "en".equals(language) && hostNameEn != null ? hostNameEn : hostName;
    }

    /** A host's names: the one for everyone and, optionally, the English one. */
    record HostNames(String name, String nameEn) {
    }

    /** What an admin's resync of one key found: the fields the panel changed, or that the client is missing. */
    public record SyncOutcome(Map<String, List<String>> changes, boolean missingOnPanel) {
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
