package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.platform.money.Currency;

/** An order with its fixed price breakdown and its latest payment (null before one was started). */
@Schema(name = "Order", description = "An order with its fixed price breakdown and its latest payment.")
public record OrderView(long id, OrderKind kind, long customerId, Long planId, Long keyId, long baseMinor,
                        long promoDiscountMinor, long referralDiscountMinor, long amountMinor, Currency currency,
                        Long promoCodeId, DiscountSource discountSource, int bonusDays, long balanceBonusMinor,
                        PaymentMethod method, OrderStatus status, Instant expiresAt, Instant createdAt,
                        Instant paidAt, Instant fulfilledAt, PaymentView payment) {

    static OrderView from(Order o, PaymentView payment) {
        return new OrderView(o.id(), o.kind(), o.customerId(), o.planId(), o.keyId(), o.baseMinor(),
                o.promoDiscountMinor(), o.referralDiscountMinor(), o.amountMinor(), o.currency(), o.promoCodeId(),
                o.discountSource(), o.bonusDays(), o.balanceBonusMinor(), o.paymentMethod(), o.status(),
                o.expiresAt(), o.createdAt(), o.paidAt(), o.fulfilledAt(), payment);
    }
}
