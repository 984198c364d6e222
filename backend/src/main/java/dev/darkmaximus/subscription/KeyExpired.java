package dev.darkmaximus.subscription;

import java.time.Instant;

/** A key reached its end and was marked expired. */
public record KeyExpired(long keyId, long customerId, int keyNumber, Instant expiredAt) {
}
