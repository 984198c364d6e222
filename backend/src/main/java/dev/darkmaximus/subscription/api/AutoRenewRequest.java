package dev.darkmaximus.subscription.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record AutoRenewRequest(
        @Schema(description = "on, off, or inherit (follow the customer's default).", example = "on",
                allowableValues = {"on", "off", "inherit"})
        @NotNull @Pattern(regexp = "on|off|inherit", message = "must be on, off or inherit") String mode) {
}
