package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import dev.darkmaximus.auth.Role;
import dev.darkmaximus.auth.StaffAccess;

public record StaffUpdateRequest(
        @Schema(allowableValues = {"admin", "operator"}, example = "operator") @NotNull Role role,
        @Schema(description = "false blocks sign-in and ends the account's sessions.", example = "true")
        @NotNull Boolean active,
        @Schema(description = "Telegram account to link; null unlinks.", example = "123456789") @Positive Long telegramId) {

    StaffAccess toAccess() {
        return new StaffAccess(role, active, telegramId);
    }
}
