package dev.darkmaximus.subscription.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record ExtendRequest(
        @Schema(description = "Days to add to max(now, current expiry).", example = "30")
        @NotNull @Min(1) @Max(3650) Integer days) {
}
