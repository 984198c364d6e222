package dev.darkmaximus.billing;

import dev.darkmaximus.platform.money.Money;

/**
 * An order's money is in and booked (SPEC §5.4). Published inside the paying transaction, so a listener's work
 * (the key the order bought, the messages about it) commits with the payment or not at all.
 *
 * <p>For {@link OrderKind#NEW_KEY} the subscription feature creates the key and reports it back through
 * {@link KeyedOrders#keyIssued}; for {@link OrderKind#EXTEND_KEY} {@code keyId} is the key to extend.
 *
 * @param bonusDays promo days to add to the key's term (0 when the code ran out before the payment)
 * @param amount    what the order cost (zero when a promo code made it free)
 */
public record OrderPaid(long orderId, long paymentId, long customerId, OrderKind kind, Long planId, Long keyId,
                        int bonusDays, Money amount, PaymentMethod provider) {
}
