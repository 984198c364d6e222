package dev.darkmaximus.auth.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An admin or operator account. Login counters change through conditional updates in the repository. */
@Table("staff")
public record Staff(
        @Id Long id,
        String username,
        String passwordHash,
        String role,
        String totpSecretEnc,
        Long telegramId,
        boolean active,
        int failedAttempts,
        Instant lockedUntil,
        Instant lastLoginAt,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    public static Staff create(String username, String passwordHash, String role) {
        return new Staff(null, username, passwordHash, role, null, null, true, 0, null, null, null, null, 0);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
