package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record TotpCodeRequest(
        @Schema(description = "The current 6-digit code from the authenticator app.", example = "287082")
        @NotNull @Pattern(regexp = "\\d{6}", message = "6 digits") String code) {
}
