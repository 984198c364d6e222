package dev.darkmaximus.subscription;

import java.time.Instant;

import dev.darkmaximus.platform.money.Money;

/**
 * A key runs longer, published in the transaction that extended it (the panel follows through the outbox).
 *
 * @param previousExpiry when it would have ended (null for a key that had none)
 * @param price          what the customer paid for it: the renewal's price, null for orders (their payment is
 *                       reported by billing's {@code OrderPaid}) and admin extensions
 */
public record KeyExtended(long keyId, long customerId, int keyNumber, Instant previousExpiry, Instant expiresAt,
                          Cause cause, Money price) {

    /** INTEGRATOR: a third party's sale through the integrations API (SPEC §15). */
    public enum Cause { ORDER, RENEWAL, ADMIN, INTEGRATOR }
}
