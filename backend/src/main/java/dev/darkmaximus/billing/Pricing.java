package dev.darkmaximus.billing;

import dev.darkmaximus.platform.money.Money;

/**
 * The one price computation (SPEC §5.2), pure so every surface gets the same answer for the same inputs: base →
 * promo code → referral first-purchase discount → round half up → not below the provider's minimum. When promo and
 * referral are both percentages the larger wins rather than stacking.
 */
final class Pricing {

    private Pricing() {
    }

    /** A promo code's effect, already checked to apply to this customer, plan and moment. */
    record PromoTerms(long id, PromoKind kind, long value) {
    }

    /**
     * @param referralPercent the first-purchase discount in percent, 0 when the customer doesn't qualify
     * @param minimumMinor    the provider's smallest chargeable amount; a discount never takes the price below it
     */
    static Quote quote(Money base, PromoTerms promo, int referralPercent, long minimumMinor) {
        long baseMinor = base.amount();
        long promoDiscount = 0;
        long referralDiscount = 0;
        int bonusDays = 0;
        long balanceBonus = 0;
        DiscountSource source = null;
        if (promo != null) {
            switch (promo.kind()) {
                case PERCENT -> {
                    if (promo.value() >= referralPercent) {
                        promoDiscount = baseMinor - percentOff(baseMinor, promo.value());
                        referralPercent = 0;
                    }
                }
                case FIXED -> promoDiscount = Math.min(promo.value(), baseMinor);
                case BONUS_DAYS -> bonusDays = Math.toIntExact(promo.value());
                case BALANCE_BONUS -> balanceBonus = promo.value();
            }
        }
        long afterPromo = baseMinor - promoDiscount;
        if (referralPercent > 0) {
            referralDiscount = afterPromo - percentOff(afterPromo, referralPercent);
        }
        long amount = afterPromo - referralDiscount;
        long floor = Math.min(baseMinor, minimumMinor);
        if (amount < floor) {
            // Give back what the minimum takes, from the referral discount first: the promo is what the customer chose.
            long shortfall = floor - amount;
            long fromReferral = Math.min(shortfall, referralDiscount);
            referralDiscount -= fromReferral;
            promoDiscount -= shortfall - fromReferral;
            amount = floor;
        }
        if (promoDiscount > 0 || bonusDays > 0 || balanceBonus > 0) {
            source = DiscountSource.PROMO;
        }
        if (referralDiscount > 0) {
            source = promoDiscount > 0 ? source : DiscountSource.REFERRAL;
        }
        Long promoId = promo == null || (promo.kind() == PromoKind.PERCENT && promoDiscount == 0
                && referralDiscount > 0) ? null : promo.id();
        return new Quote(baseMinor, promoDiscount, referralDiscount, amount, base.currency(), promoId, source,
                bonusDays, balanceBonus);
    }

    /** The referrer's share of what was actually paid, rounded down: the shop never pays out a fraction it didn't get. */
    static long referralReward(long paidMinor, int percent) {
        return Math.multiplyExact(paidMinor, percent) / 100;
    }

    /** amount × (100 − p) / 100, rounded half up to the minor unit. */
    private static long percentOff(long amount, long percent) {
        return (Math.multiplyExact(amount, 100 - percent) + 50) / 100;
    }
}
