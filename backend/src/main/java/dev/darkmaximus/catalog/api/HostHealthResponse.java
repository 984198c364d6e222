package dev.darkmaximus.catalog.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.catalog.HostHealth;

public record HostHealthResponse(
        @Schema(description = "The panel accepted our credentials and answered.", example = "false") boolean ok,
        @Schema(example = "2026-11-24T10:15:30Z") Instant checkedAt,
        @Schema(description = "Why the check failed; absent when ok.",
                example = "login refused by the panel: Invalid username or password") String error) {

    static HostHealthResponse from(HostHealth health) {
        return new HostHealthResponse(health.ok(), health.checkedAt(), health.error());
    }
}
