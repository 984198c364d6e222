package dev.darkmaximus.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

public record AutoRenewDefaultRequest(
        @Schema(description = "Whether keys set to inherit renew automatically from the balance.", example = "true")
        @NotNull Boolean enabled) {
}
