package dev.darkmaximus.billing;

import java.time.Instant;
import java.util.List;

import dev.darkmaximus.platform.money.Currency;

/** What an admin sets on a promo code; {@code value} is percent, minor units or days depending on the kind. */
public record PromoCommand(String code, PromoKind kind, long value, Currency currency, Instant validFrom,
                           Instant validUntil, Integer totalLimit, int perCustomerLimit, boolean firstPurchaseOnly,
                           boolean active, List<Long> planIds) {
}
