package dev.darkmaximus.payment;

import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.platform.money.Currency;

/** A payment as read back from its provider: the only thing allowed to move our payment's state. */
public record ProviderPayment(String id, PaymentStatus status, long amountMinor, Currency currency, Long orderId,
                              String snapshotJson) {
}
