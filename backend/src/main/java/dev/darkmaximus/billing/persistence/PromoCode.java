package dev.darkmaximus.billing.persistence;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.billing.PromoKind;
import dev.darkmaximus.platform.money.Currency;

/**
 * A promo code. {@code value} is a percent (1–100), minor units (fixed, balance bonus) or days (bonus days);
 * an empty plan set means every plan.
 */
@Table("promo_codes")
public record PromoCode(
        @Id Long id,
        String code,
        PromoKind kind,
        long value,
        Currency currency,
        Instant validFrom,
        Instant validUntil,
        Integer totalLimit,
        int perCustomerLimit,
        int timesUsed,
        boolean firstPurchaseOnly,
        boolean active,
        Long createdBy,
        @MappedCollection(idColumn = "promo_code_id") Set<PromoCodePlan> plans,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @Version int version) {

    @Table("promo_code_plans")
    public record PromoCodePlan(long planId) {
    }
}
