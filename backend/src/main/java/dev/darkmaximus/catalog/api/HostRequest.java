package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.catalog.HostCommand;
import dev.darkmaximus.catalog.PanelType;
import dev.darkmaximus.catalog.RevokeMode;
import dev.darkmaximus.catalog.TrafficStrategy;

public record HostRequest(
        @Schema(example = "Netherlands 1") @NotBlank @Size(max = 100) String name,
        @Schema(example = "xui_v2") @NotNull PanelType panelType,
        @Schema(description = "Panel address without the web base path.", example = "https://nl1.example.net:2053")
        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://[^\\s/]+(/.*)?", message = "must be an http(s) URL")
        String baseUrl,
        @Schema(description = "The panel's secret web base path, if any.", example = "/secretpath")
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._~/-]*", message = "must be a URL path") String webBasePath,
        @Schema(description = "3x-ui: the panel user. Required for 3x-ui; not used for Remnawave.", example = "admin")
        @Size(max = 200) String username,
        @Schema(description = "Write-only. 3x-ui: required on create; leave empty on update to keep the stored one.",
                example = "s3cret", format = "password", accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 200) String password,
        @Schema(description = "Write-only. Remnawave: the panel's API token (required on create). 3x-ui v3: the API "
                + "token (Settings → Security → API Token), used instead of the password when set. Leave empty on "
                + "update to keep the stored one.", format = "password",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        @Size(max = 500) String apiToken,
        @Schema(description = "3x-ui: the inbounds keys are created on. Required for 3x-ui; empty for Remnawave.",
                example = "[1]") @Size(max = 20) List<@NotNull @Positive Integer> inboundIds,
        @Schema(example = "https://nl1.example.net:2096/sub")
        @Size(max = 500) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String subscriptionBaseUrl,
        @Schema(description = "Verify the panel's TLS certificate; turn off only for self-signed panels.", example = "true")
        @NotNull Boolean tlsVerify,
        @Schema(description = "PEM certificate(s) of the CA that signed the panel's certificate, or the panel's own "
                + "self-signed certificate: the host then trusts only these (host names are still checked). Needs "
                + "tlsVerify and an https baseUrl. Empty: the public CAs the backend's Java trusts.",
                example = "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----")
        @Size(max = 32_000) String caCertificate,
        @Schema(example = "true") @NotNull Boolean enabled,
        @Schema(description = "Lower comes first; default 0.", example = "0") @Min(0) @Max(10_000) Integer displayOrder,
        @Schema(example = "NL") @Pattern(regexp = "([A-Z]{2})?", message = "must be a two-letter country code")
        String countryCode,
        @Schema(example = "🇳🇱") @Size(max = 16) String flag,
        @Schema(description = "The name customers who read English see; empty = `name` for everyone.",
                example = "Netherlands") @Size(max = 64) String nameEn,
        @Schema(description = "Remnawave: the squads (UUIDs, from the panel's list) users join unless their plan names "
                + "others. Required for Remnawave. Absent on update: kept.",
                example = "[\"0b5e2f0c-6d1a-4c7e-9f3b-2a8d4e6c1f70\"]") @Size(max = 20) List<@NotNull @Size(max = 36) String> squads,
        @Schema(description = "Remnawave: send X-Forwarded-Proto: https and X-Forwarded-For, for a panel reached "
                + "without its reverse proxy (plain HTTP inside a private network). Absent: off on create, kept on "
                + "update.", example = "false") Boolean forwardedHeaders,
        @Schema(description = "Remnawave: what revoking a key does. Absent: delete on create, kept on update.")
        RevokeMode revokeMode,
        @Schema(description = "Remnawave: when the panel resets used traffic. Absent: no_reset on create, kept on "
                + "update.") TrafficStrategy trafficStrategy) {

    @Override
    public String toString() {
        return "HostRequest[name=" + name + ", baseUrl=" + baseUrl + "]";
    }

    HostCommand toCommand() {
        return new HostCommand(name, panelType, baseUrl, webBasePath, username, password, apiToken, inboundIds,
                subscriptionBaseUrl, tlsVerify, caCertificate, enabled, displayOrder == null ? 0 : displayOrder, countryCode, flag,
                nameEn, squads, forwardedHeaders, revokeMode, trafficStrategy);
    }
}
