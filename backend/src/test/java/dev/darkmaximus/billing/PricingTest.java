package dev.darkmaximus.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

class PricingTest {

    private static final Money BASE = Money.of(19_900, Currency.RUB);

    @Test
    void aPercentCodeRoundsThePriceHalfUpToTheKopeck() {
        // 199 ₽ × 0.85 = 169.15 ₽ exactly; 199.99 ₽ × 0.85 = 169.9915 → 169.99 ₽; 0.50 ₽ × 0.5 = 0.25 ₽.
        assertThat(Pricing.quote(BASE, percent(15), 0, 100).amountMinor()).isEqualTo(16_915);
        assertThat(Pricing.quote(Money.of(19_999, Currency.RUB), percent(15), 0, 0).amountMinor()).isEqualTo(16_999);
        assertThat(Pricing.quote(Money.of(333, Currency.RUB), percent(50), 0, 0).amountMinor()).isEqualTo(167);
    }

    @Test
    void theReferralDiscountFollowsAFixedCodeButNeverStacksWithAPercentOne() {
        Quote fixedThenReferral = Pricing.quote(BASE, new Pricing.PromoTerms(1, PromoKind.FIXED, 4_900), 5, 100);
        assertThat(fixedThenReferral.promoDiscountMinor()).isEqualTo(4_900);
        assertThat(fixedThenReferral.referralDiscountMinor()).isEqualTo(750);
        assertThat(fixedThenReferral.amountMinor()).isEqualTo(14_250);

        Quote promoWins = Pricing.quote(BASE, percent(10), 5, 100);
        assertThat(promoWins.promoDiscountMinor()).isEqualTo(1_990);
        assertThat(promoWins.referralDiscountMinor()).isZero();
        assertThat(promoWins.discountSource()).isEqualTo(DiscountSource.PROMO);

        Quote referralWins = Pricing.quote(BASE, percent(3), 5, 100);
        assertThat(referralWins.promoDiscountMinor()).isZero();
        assertThat(referralWins.referralDiscountMinor()).isEqualTo(995);
        assertThat(referralWins.promoCodeId()).isNull();
        assertThat(referralWins.discountSource()).isEqualTo(DiscountSource.REFERRAL);
    }

    @Test
    void aPriceNeverGoesBelowTheProvidersMinimumAndTheBreakdownStillAddsUp() {
        Quote free = Pricing.quote(BASE, percent(100), 0, 100);
        assertThat(free.amountMinor()).isEqualTo(100);
        assertThat(free.promoDiscountMinor()).isEqualTo(19_800);

        Quote stars = Pricing.quote(Money.of(1, Currency.XTR), new Pricing.PromoTerms(1, PromoKind.FIXED, 50), 0, 1);
        assertThat(stars.amountMinor()).isEqualTo(1);
        assertThat(stars.promoDiscountMinor()).isZero();
    }

    @Test
    void bonusCodesLeaveThePriceAndCarryTheirBonus() {
        Quote days = Pricing.quote(BASE, new Pricing.PromoTerms(7, PromoKind.BONUS_DAYS, 7), 0, 100);
        assertThat(days.amountMinor()).isEqualTo(19_900);
        assertThat(days.bonusDays()).isEqualTo(7);
        assertThat(days.promoCodeId()).isEqualTo(7);
        Quote bonus = Pricing.quote(BASE, new Pricing.PromoTerms(8, PromoKind.BALANCE_BONUS, 5_000), 0, 100);
        assertThat(bonus.balanceBonusMinor()).isEqualTo(5_000);
    }

    @Test
    void referralRewardsAreRoundedDownToTheKopeck() {
        assertThat(Pricing.referralReward(18_905, 10)).isEqualTo(1_890);
        assertThat(Pricing.referralReward(19_999, 7)).isEqualTo(1_399);
        assertThat(Pricing.referralReward(9, 10)).isZero();
    }

    private static Pricing.PromoTerms percent(int p) {
        return new Pricing.PromoTerms(1, PromoKind.PERCENT, p);
    }
}
