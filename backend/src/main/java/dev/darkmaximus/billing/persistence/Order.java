package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.billing.DiscountSource;
import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderStatus;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.platform.money.Currency;

/** What a customer wants to buy, with the price fixed at creation (base − promo − referral = amount). */
@Table("orders")
public record Order(
        @Id Long id,
        OrderKind kind,
        long customerId,
        Long planId,
        Long keyId,
        long amountMinor,
        Currency currency,
        long baseMinor,
        long promoDiscountMinor,
        long referralDiscountMinor,
        Long promoCodeId,
        int bonusDays,
        long balanceBonusMinor,
        DiscountSource discountSource,
        PaymentMethod paymentMethod,
        OrderStatus status,
        String idempotencyKey,
        Instant expiresAt,
        Instant paidAt,
        Instant fulfilledAt,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {
}
