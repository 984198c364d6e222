package dev.darkmaximus.customer.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BanRequest(
        @Schema(description = "Why; kept in the audit log and shown to operators.", example = "Chargeback fraud")
        @NotBlank @Size(max = 500) String reason) {
}
