package dev.darkmaximus.subscription;

/** A key's panel client was deleted and the key is revoked for good (an admin, or a refund that took it back). */
public record KeyRevoked(long keyId, long customerId, int keyNumber) {
}
