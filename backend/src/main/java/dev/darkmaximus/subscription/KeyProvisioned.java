package dev.darkmaximus.subscription;

import java.time.Instant;

/** A key's client exists on its panel for the first time, so the customer can connect. Fired once per key. */
public record KeyProvisioned(long keyId, long customerId, int keyNumber, long hostId, Instant expiresAt) {
}
