package dev.darkmaximus.billing;

/**
 * What a customer asks to buy: a new key on {@code planId}, an extension of {@code keyId}, or a top-up of
 * {@code amountMinor} kopecks; paid with {@code method}, optionally with a promo code.
 */
public record PurchaseRequest(OrderKind kind, Long planId, Long keyId, Long amountMinor, PaymentMethod method,
                              String promoCode) {
}
