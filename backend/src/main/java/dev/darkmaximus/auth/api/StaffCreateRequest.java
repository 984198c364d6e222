package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.auth.NewStaff;
import dev.darkmaximus.auth.Role;

public record StaffCreateRequest(
        @Schema(description = "Login: 3–64 letters, digits, `_`, `.` or `-`; unique regardless of case.",
                example = "olga.support")
        @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "3–64 letters, digits, _, . or -") String username,
        @Schema(description = "Write-only; at least 12 characters.", example = "correct horse battery staple",
                format = "password", accessMode = Schema.AccessMode.WRITE_ONLY)
        @NotNull @Size(min = 12, max = 200) String password,
        @Schema(allowableValues = {"admin", "operator"}, example = "operator") @NotNull Role role,
        @Schema(description = "Telegram account to link, if any.", example = "123456789") @Positive Long telegramId) {

    @Override
    public String toString() {
        return "StaffCreateRequest[username=" + username + ", role=" + role + "]";
    }

    NewStaff toNewStaff() {
        return new NewStaff(username, password, role, telegramId);
    }
}
