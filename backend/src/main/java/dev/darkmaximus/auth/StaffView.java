package dev.darkmaximus.auth;

import java.time.Instant;

import dev.darkmaximus.auth.persistence.Staff;

/** A staff account as admins see it (and as the audit log records it): no password hash, no TOTP secret. */
public record StaffView(long id, String username, Role role, boolean active, boolean totpEnabled, Long telegramId,
                        Instant lastLoginAt, Instant lockedUntil, Instant createdAt) {

    static StaffView from(Staff s) {
        return new StaffView(s.id(), s.username(), Role.valueOf(s.role()), s.active(), s.totpEnabled(), s.telegramId(),
                s.lastLoginAt(), s.lockedUntil(), s.createdAt());
    }
}
