package dev.darkmaximus.subscription.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record OrphanRequest(
        @Schema(description = "The orphan client's email on the panel, as the sync report lists it.",
                example = "old-client@example") @NotBlank @Size(max = 128) String email) {
}
