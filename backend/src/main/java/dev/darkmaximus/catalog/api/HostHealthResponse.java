package dev.darkmaximus.catalog.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.HostHealth;

public record HostHealthResponse(
        @Schema(description = "The panel accepted our credentials and answered.", example = "false") boolean ok,
        @Schema(example = "2026-11-24T10:15:30Z") Instant checkedAt,
        @Schema(description = "Why the check failed; absent when ok.",
                example = "the panel refused the sign-in: Invalid username or password or two-factor code.")
        String error,
        @Schema(description = "The panel's version as it reported it; null when it couldn't be read.",
                example = "2.9.4") String panelVersion,
        @Schema(description = "Which panel API the shop uses with it; null when the panel couldn't be reached.",
                example = "3x-ui inbound API (v2.x, v3.0)") String panelApi,
        @Schema(description = "How many squads a Remnawave panel has; null for 3x-ui, or when the panel couldn't be "
                + "read.", example = "3", nullable = true) Integer squads) {

    static HostHealthResponse from(HostHealth health) {
        return new HostHealthResponse(health.ok(), health.checkedAt(), health.error(), health.panelVersion(),
                health.panelApi(), health.squads());
    }
}
