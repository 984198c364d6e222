package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PasswordResetRequest(
        @Schema(description = "Write-only; at least 12 characters.", example = "correct horse battery staple",
                format = "password", accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotNull @Size(min = 12, max = 200) String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[]";
    }
}
