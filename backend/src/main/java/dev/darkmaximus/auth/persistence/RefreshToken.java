package dev.darkmaximus.auth.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One refresh token, known only by its hash. */
@Table("refresh_tokens")
public record RefreshToken(@Id Long id, String subject, String tokenHash, UUID familyId, Instant expiresAt,
                           Instant usedAt, Instant revokedAt, Instant createdAt) {

    public static RefreshToken issue(String subject, String tokenHash, UUID familyId, Instant now, Instant expiresAt) {
        return new RefreshToken(null, subject, tokenHash, familyId, expiresAt, null, null, now);
    }
}
