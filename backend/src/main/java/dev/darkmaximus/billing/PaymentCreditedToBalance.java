package dev.darkmaximus.billing;

import dev.darkmaximus.platform.money.Money;

/**
 * A payment that could not buy what its order asked for went to the customer's balance instead, and an admin should
 * know: a second payment for an order already paid, or an extension of a key revoked before the money came.
 */
public record PaymentCreditedToBalance(long orderId, long paymentId, long customerId, Money amount, Reason reason) {

    public enum Reason { SECOND_PAYMENT, KEY_REVOKED }
}
