package dev.darkmaximus.billing;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.PromoCode;
import dev.darkmaximus.platform.money.Currency;

/** A promo code as the admin API shows it. */
@Schema(name = "PromoCode", description = "A promo code; value is a percent, minor units or days depending on kind.")
public record PromoView(long id, String code, PromoKind kind, long value, Currency currency, Instant validFrom,
                        Instant validUntil, Integer totalLimit, int perCustomerLimit, int timesUsed,
                        boolean firstPurchaseOnly, boolean active, List<Long> planIds, Instant createdAt) {

    static PromoView from(PromoCode p) {
        return new PromoView(p.id(), p.code(), p.kind(), p.value(), p.currency(), p.validFrom(), p.validUntil(),
                p.totalLimit(), p.perCustomerLimit(), p.timesUsed(), p.firstPurchaseOnly(), p.active(),
                p.plans().stream().map(PromoCode.PromoCodePlan::planId).sorted().toList(), p.createdAt());
    }
}
