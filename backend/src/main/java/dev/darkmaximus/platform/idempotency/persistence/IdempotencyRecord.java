package dev.darkmaximus.platform.idempotency.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The stored first answer to a mutating call with an Idempotency-Key, replayed for 24 h (Stripe-style). */
@Table("idempotency_keys")
public record IdempotencyRecord(@Id Long id, String scope, String idempotencyKey, String requestHash,
                                Integer responseStatus, String responseBody, Instant createdAt, Instant expiresAt) {
}
