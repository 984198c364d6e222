package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.PromoRedemption;
import dev.darkmaximus.platform.money.Currency;

/** One use of a promo code; {@code overLimit} marks one honoured although the limit ran out while it was paid. */
@Schema(name = "PromoRedemption", description = "One use of a promo code; overLimit marks one honoured after the limit ran out.")
public record PromoRedemptionView(long id, long customerId, long orderId, long savedMinor, Currency currency,
                                  boolean overLimit, Instant redeemedAt) {

    static PromoRedemptionView from(PromoRedemption r) {
        return new PromoRedemptionView(r.id(), r.customerId(), r.orderId(), r.savedMinor(), r.currency(),
                r.overLimit(), r.redeemedAt());
    }
}
