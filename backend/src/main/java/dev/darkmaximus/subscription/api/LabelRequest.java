package dev.darkmaximus.subscription.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

public record LabelRequest(
        @Schema(description = "The customer's name for the key; empty clears it.", example = "Phone")
        @Size(max = 64) String label) {
}
