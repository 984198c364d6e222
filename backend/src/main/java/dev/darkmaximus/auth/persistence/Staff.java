package dev.darkmaximus.auth.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An admin or operator account. Login counters, access and TOTP change through conditional updates in the
 * repository. A TOTP secret with {@code totpEnabled} false is an enrolment not yet confirmed.
 */
@Table("staff")
public record Staff(
        @Id Long id,
        String username,
        String passwordHash,
        String role,
        String totpSecretEnc,
        boolean totpEnabled,
        Long totpLastStep,
        Long telegramId,
        boolean active,
        int failedAttempts,
        Instant lockedUntil,
        Instant lastLoginAt,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public static Staff create(String username, String passwordHash, String role, Long telegramId) {
        return new Staff(null, username, passwordHash, role, null, false, null, telegramId, true, 0, null, null, null,
                null, 0);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
