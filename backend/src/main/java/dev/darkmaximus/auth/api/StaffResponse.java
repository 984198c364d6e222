package dev.darkmaximus.auth.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.Role;
import dev.darkmaximus.auth.StaffView;

public record StaffResponse(
        @Schema(example = "4") long id,
        @Schema(example = "olga.support") String username,
        @Schema(allowableValues = {"admin", "operator"}, example = "operator") Role role,
        @Schema(description = "Inactive accounts can't sign in or renew a session.", example = "true") boolean active,
        @Schema(description = "Whether sign-in asks for a TOTP code.", example = "false") boolean totpEnabled,
        @Schema(description = "Linked Telegram account (admin chat, operators' forum).", example = "123456789")
        Long telegramId,
        @Schema(example = "2026-11-24T10:15:30Z") Instant lastLoginAt,
        @Schema(description = "Locked after failed sign-ins while this is in the future.",
                example = "2026-11-24T10:30:00Z") Instant lockedUntil,
        @Schema(example = "2026-11-01T09:00:00Z") Instant createdAt) {

    static StaffResponse from(StaffView s) {
        return new StaffResponse(s.id(), s.username(), s.role(), s.active(), s.totpEnabled(), s.telegramId(),
                s.lastLoginAt(), s.lockedUntil(), s.createdAt());
    }
}
