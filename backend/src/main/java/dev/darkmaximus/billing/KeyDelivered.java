package dev.darkmaximus.billing;

/** Published by the subscription feature when a key's panel client is in place, so its paid order is fulfilled. */
public record KeyDelivered(long keyId) {
}
