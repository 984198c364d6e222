package dev.darkmaximus.billing;

import dev.darkmaximus.platform.money.Money;

/**
 * A refund is complete: the provider confirmed it, or it went to the balance. Published in the transaction that
 * records it.
 *
 * @param promoBonusKept the part of the order's promo balance bonus the customer had already spent, so it could not
 *                       be taken back (zero when all of it was)
 */
public record PaymentRefunded(long refundId, long paymentId, long orderId, long customerId, Money amount,
                              boolean toBalance, Money promoBonusKept) {
}
