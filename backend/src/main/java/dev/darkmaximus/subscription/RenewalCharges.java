package dev.darkmaximus.subscription;

import java.util.Optional;

import dev.darkmaximus.platform.money.Money;

/**
 * A way of paying for an auto-renewal that is tried before the balance: a card the customer saved (issue 21). It
 * lives with the payment providers; this module only asks.
 */
public interface RenewalCharges {

    /** What a charge attempt came to. */
    enum Attempt {
        /** Paid, or still being charged: the balance must not be touched for this renewal. */
        PAID_OR_PENDING,
        /** Nothing charged (no card, or it was declined): renew from the balance as before. */
        NOT_CHARGED
    }

    /**
     * Charges the customer's saved card for renewing {@code key} — once per key and expiry, whatever the number of
     * runs, retries and nodes asking. The card pays the renewal order's own quote; {@code price} is what the balance
     * would pay, for implementations that need it.
     */
    Attempt charge(KeyView key, Money price);

    /** The card renewals of this customer go to first, as people see it ("Bank card *4444"), if any. */
    Optional<String> cardOf(long customerId);
}
