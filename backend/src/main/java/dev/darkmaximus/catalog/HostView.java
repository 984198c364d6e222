package dev.darkmaximus.catalog;

import java.time.Instant;
import java.util.List;

import dev.darkmaximus.catalog.persistence.Host;

/** A host as admins see it: never the credentials themselves, only whether they are stored. */
public record HostView(long id, String name, PanelType panelType, String baseUrl, String webBasePath, String username,
                       boolean passwordSet, boolean apiTokenSet, List<Integer> inboundIds, String subscriptionBaseUrl,
                       boolean tlsVerify, String caCertificate, ConnectionSecurity connectionSecurity, boolean enabled, int displayOrder, String countryCode, String flag,
                       Instant healthLastOkAt, String healthLastError, Instant healthLastErrorAt, String panelVersion,
                       String panelApi, boolean panelDown, Instant createdAt, Instant updatedAt, String nameEn,
                       List<String> squads, boolean forwardedHeaders, RevokeMode revokeMode,
                       TrafficStrategy trafficStrategy) {

    static HostView from(Host h) {
        return new HostView(h.id(), h.name(), h.panelType(), h.baseUrl(), h.webBasePath(), h.username(),
                h.passwordEnc() != null, h.apiTokenEnc() != null, h.inboundIds().values(), h.subscriptionBaseUrl(),
                h.tlsVerify(), h.caCertificate(), ConnectionSecurity.of(h.baseUrl(), h.tlsVerify(), h.caCertificate()),
                h.enabled(), h.displayOrder(), h.countryCode(), h.flag(), h.healthLastOkAt(),
                h.healthLastError(), h.healthLastErrorAt(), h.panelVersion(), h.panelApi(), down(h), h.createdAt(),
                h.updatedAt(), h.nameEn(), Squads.parse(h.squads()), h.forwardedHeaders(), h.revokeMode(),
                h.trafficStrategy());
    }

    /** The last panel check failed, or the circuit is open: new keys there would wait (SPEC §8, off sale). */
    static boolean down(Host h) {
        boolean failedLast = h.healthLastErrorAt() != null
                && (h.healthLastOkAt() == null || h.healthLastErrorAt().isAfter(h.healthLastOkAt()));
        return failedLast || "OPEN".equals(h.circuitState());
    }

    /** The name a customer reading {@code language} sees: the English one for en where the admins gave one. */
    public String nameFor(String language) {
        return "en".equals(language) && nameEn != null ? nameEn : name;
    }
}
