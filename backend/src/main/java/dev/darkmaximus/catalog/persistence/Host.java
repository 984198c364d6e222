package dev.darkmaximus.catalog.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.catalog.PanelType;
import dev.darkmaximus.catalog.RevokeMode;
import dev.darkmaximus.catalog.TrafficStrategy;

/** A VPN panel connection. Credentials are only ever held encrypted here ({@code *Enc}). */
@Table("hosts")
public record Host(
        @Id Long id,
        String name,
        PanelType panelType,
        String baseUrl,
        String webBasePath,
        String username,
        String passwordEnc,
        String apiTokenEnc,
        InboundIds inboundIds,
        String subscriptionBaseUrl,
        boolean tlsVerify,
        String caCertificate,
        boolean enabled,
        int displayOrder,
        String countryCode,
        String flag,
        String nameEn,
        String squads,
        boolean forwardedHeaders,
        RevokeMode revokeMode,
        TrafficStrategy trafficStrategy,
        Instant healthLastOkAt,
        String healthLastError,
        Instant healthLastErrorAt,
        String circuitState,
        String panelVersion,
        String panelApi,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public static Host create(HostSettings settings, String passwordEnc, String apiTokenEnc) {
        return new Host(null, settings.name(), settings.panelType(), settings.baseUrl(), settings.webBasePath(),
                settings.username(), passwordEnc, apiTokenEnc, settings.inboundIds(), settings.subscriptionBaseUrl(),
                settings.tlsVerify(), settings.caCertificate(), settings.enabled(), settings.displayOrder(), settings.countryCode(),
                settings.flag(), settings.nameEn() == null || settings.nameEn().isEmpty() ? null : settings.nameEn(),
                settings.squads() == null ? "" : settings.squads(), settings.forwardedHeaders(), settings.revokeMode(),
                settings.trafficStrategy(), null, null, null, "CLOSED", null, null, null, null, 0);
    }

    /** The same host with new admin-editable settings; health and secrets not given (null) stay as they were. */
    public Host with(HostSettings settings, String newPasswordEnc, String newApiTokenEnc) {
        return new Host(id, settings.name(), settings.panelType(), settings.baseUrl(), settings.webBasePath(),
                settings.username(), newPasswordEnc != null ? newPasswordEnc : passwordEnc,
                newApiTokenEnc != null ? newApiTokenEnc : apiTokenEnc,
                settings.inboundIds(), settings.subscriptionBaseUrl(), settings.tlsVerify(), settings.caCertificate(),
                settings.enabled(), settings.displayOrder(), settings.countryCode(), settings.flag(), settings.nameEn(),
                settings.squads() == null ? "" : settings.squads(), settings.forwardedHeaders(), settings.revokeMode(),
                settings.trafficStrategy(), healthLastOkAt,
                healthLastError, healthLastErrorAt, circuitState, panelVersion, panelApi, createdAt, updatedAt, version);
    }

    /** The admin-editable part of a host. */
    public record HostSettings(String name, PanelType panelType, String baseUrl, String webBasePath, String username,
                               InboundIds inboundIds, String subscriptionBaseUrl, boolean tlsVerify,
                               String caCertificate, boolean enabled, int displayOrder, String countryCode,
                               String flag, String nameEn, String squads, boolean forwardedHeaders,
                               RevokeMode revokeMode, TrafficStrategy trafficStrategy) {
    }
}
