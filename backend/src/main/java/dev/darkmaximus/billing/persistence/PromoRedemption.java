package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.money.Currency;

/**
 * A use of a promo code by an order; {@code overLimit} marks one honoured although the limit ran out meanwhile. A use
 * carried over from Dark Maximus 2 has no order (DM2 never linked one).
 */
@Table("promo_redemptions")
public record PromoRedemption(@Id Long id, long promoCodeId, long customerId, Long orderId, long savedMinor,
                              Currency currency, boolean overLimit, Instant redeemedAt) {
}
