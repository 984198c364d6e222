package dev.darkmaximus.auth.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An integrator's key: only its SHA-256 is stored (the key is shown once); scopes are space-separated. */
@Table("api_keys")
public record ApiKey(@Id Long id, String name, String keyPrefix, String keyHash, String scopes, Long createdBy,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
