package dev.darkmaximus.billing;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/**
 * A price with its breakdown (SPEC §5.2): amount = base − promo discount − referral discount, in minor units of one
 * currency. Bonus days and a balance bonus don't change the price; they are granted on success.
 */
@Schema(name = "Quote", description = "A price with its breakdown in minor units: amount = base − promo − referral discount.")
public record Quote(long baseMinor, long promoDiscountMinor, long referralDiscountMinor, long amountMinor,
                    Currency currency, Long promoCodeId, DiscountSource discountSource, int bonusDays,
                    long balanceBonusMinor) {

    public Quote {
        if (amountMinor != baseMinor - promoDiscountMinor - referralDiscountMinor || amountMinor < 0) {
            throw new IllegalArgumentException("breakdown does not add up");
        }
    }

    public Money amount() {
        return Money.of(amountMinor, currency);
    }
}
