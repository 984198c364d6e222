package dev.darkmaximus.catalog.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.catalog.HostSquads;

/** Where to read a Remnawave panel's squads from before its host is saved. */
public record SquadsRequest(
        @Schema(description = "A saved host whose stored API token is used when apiToken is empty.", example = "3")
        Long hostId,
        @Schema(example = "https://panel.example.net") @NotBlank @Size(max = 500)
        @Pattern(regexp = "https?://[^\\s/]+(/.*)?", message = "must be an http(s) URL") String baseUrl,
        @Schema(description = "Write-only. The panel's API token.", format = "password",
                accessMode = Schema.AccessMode.WRITE_ONLY) @Size(max = 2000) String apiToken,
        @Schema(example = "false") Boolean forwardedHeaders,
        @Schema(example = "true") Boolean tlsVerify,
        @Schema(description = "PEM certificate(s) the panel's certificate is checked against instead of the public CAs.")
        @Size(max = 32_000) String caCertificate) {

    @Override
    public String toString() {
        return "SquadsRequest[" + baseUrl + "]";
    }

    HostSquads.SquadsQuery toQuery() {
        return new HostSquads.SquadsQuery(hostId, baseUrl, apiToken, Boolean.TRUE.equals(forwardedHeaders),
                !Boolean.FALSE.equals(tlsVerify), caCertificate);
    }
}
