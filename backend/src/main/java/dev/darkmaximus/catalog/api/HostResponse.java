package dev.darkmaximus.catalog.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.ConnectionSecurity;
import dev.darkmaximus.catalog.HostView;
import dev.darkmaximus.catalog.PanelType;
import dev.darkmaximus.catalog.RevokeMode;
import dev.darkmaximus.catalog.TrafficStrategy;

public record HostResponse(
        @Schema(example = "3") long id,
        @Schema(example = "Netherlands 1") String name,
        PanelType panelType,
        @Schema(example = "https://nl1.example.net:2053") String baseUrl,
        @Schema(example = "/secretpath") String webBasePath,
        @Schema(example = "admin") String username,
        @Schema(description = "Whether a panel password is stored (it is never returned).", example = "true")
        boolean passwordSet,
        @Schema(description = "Whether a v3 API token is stored (it is never returned).", example = "false")
        boolean apiTokenSet,
        @Schema(example = "[1]") List<Integer> inboundIds,
        @Schema(example = "https://nl1.example.net:2096/sub") String subscriptionBaseUrl,
        @Schema(example = "true") boolean tlsVerify,
        @Schema(description = "The PEM certificate(s) this host trusts instead of the public CAs; null for none.",
                example = "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----") String caCertificate,
        @Schema(description = "How the connection to the panel is protected: VERIFIED (public CAs), CUSTOM_CA (the "
                + "host's own CA), UNVERIFIED (TLS without checking who answers) or PLAIN_HTTP (nothing protected: "
                + "the panel password travels in clear).") ConnectionSecurity connectionSecurity,
        @Schema(example = "true") boolean enabled,
        @Schema(example = "0") int displayOrder,
        @Schema(example = "NL") String countryCode,
        @Schema(example = "🇳🇱") String flag,
        @Schema(description = "Last successful panel check.", example = "2026-11-24T10:15:30Z") Instant healthLastOkAt,
        @Schema(description = "Error of the last failed panel check.", example = "login refused by the panel")
        String healthLastError,
        @Schema(example = "2026-11-24T09:00:00Z") Instant healthLastErrorAt,
        @Schema(description = "The version the panel reported at the last connection check; null until one "
                + "succeeded or when the panel doesn't say.", example = "2.9.4") String panelVersion,
        @Schema(description = "Which panel API the shop uses with this host, as read at the last check.",
                example = "3x-ui inbound API (v2.x, v3.0)") String panelApi,
        @Schema(description = "The panel failed its last check (or its circuit is open): the host's plans are off "
                + "sale until it answers again, unless the shop sells with a delay notice.", example = "false")
        boolean panelDown,
        @Schema(example = "2026-11-24T10:15:30Z") Instant createdAt,
        @Schema(example = "2026-11-24T10:15:30Z") Instant updatedAt,
        @Schema(description = "The name customers who read English see; null = `name` for everyone.",
                example = "Netherlands", nullable = true) String nameEn,
        @Schema(description = "Remnawave: the squads (UUIDs) the host's users join unless their plan names others; "
                + "empty for 3x-ui.", example = "[\"0b5e2f0c-6d1a-4c7e-9f3b-2a8d4e6c1f70\"]") List<String> squads,
        @Schema(description = "Remnawave: calls carry X-Forwarded-Proto: https and X-Forwarded-For, for a panel "
                + "reached without its reverse proxy.", example = "false") boolean forwardedHeaders,
        @Schema(description = "Remnawave: what revoking a key does: delete the user, or disable it and revoke its "
                + "subscription link.") RevokeMode revokeMode,
        @Schema(description = "Remnawave: when the panel resets a user's used traffic.") TrafficStrategy trafficStrategy) {

    static HostResponse from(HostView h) {
        return new HostResponse(h.id(), h.name(), h.panelType(), h.baseUrl(), h.webBasePath(), h.username(),
                h.passwordSet(), h.apiTokenSet(), h.inboundIds(), h.subscriptionBaseUrl(), h.tlsVerify(),
                h.caCertificate(), h.connectionSecurity(), h.enabled(), h.displayOrder(), h.countryCode(), h.flag(),
                h.healthLastOkAt(), h.healthLastError(), h.healthLastErrorAt(), h.panelVersion(), h.panelApi(),
                h.panelDown(), h.createdAt(), h.updatedAt(), h.nameEn(), h.squads(), h.forwardedHeaders(),
                h.revokeMode(), h.trafficStrategy());
    }
}
