package dev.darkmaximus.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

class KeyTermsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void anUnexpiredKeyIsExtendedFromItsExpirySoNothingPaidForIsLost() {
        Instant expiry = Instant.parse("2026-11-30T09:00:00Z");
        assertThat(KeyTerms.extendedExpiry(NOW, expiry, DurationUnit.DAYS, 30, MOSCOW))
                .isEqualTo(Instant.parse("2026-12-30T09:00:00Z"));
    }

    @Test
    void anExpiredKeyIsExtendedFromNowSoTheCustomerGetsTheWholePeriod() {
        Instant expiry = Instant.parse("2026-10-01T00:00:00Z");
        assertThat(KeyTerms.extendedExpiry(NOW, expiry, DurationUnit.DAYS, 30, MOSCOW))
                .isEqualTo(Instant.parse("2026-12-24T12:00:00Z"));
        assertThat(KeyTerms.extendedExpiry(NOW, null, DurationUnit.HOURS, 5, MOSCOW))
                .isEqualTo(Instant.parse("2026-11-24T17:00:00Z"));
    }

    @Test
    void monthsAreCalendarMonthsInTheShopsZoneClampedAtMonthEnd() {
        Instant jan31 = Instant.parse("2027-01-31T09:00:00Z"); // 12:00 in Moscow
        assertThat(KeyTerms.extendedExpiry(Instant.parse("2027-01-01T00:00:00Z"), jan31, DurationUnit.MONTHS, 1, MOSCOW))
                .isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
        assertThat(KeyTerms.plus(NOW, DurationUnit.MONTHS, 12, MOSCOW)).isEqualTo(Instant.parse("2027-11-24T12:00:00Z"));
    }

    @Test
    void panelIdentityIsDeterministicAndTheSubscriptionIdRandom() {
        assertThat(KeyTerms.panelEmail(1000, 42, false)).isEqualTo("dm1000-k42");
        assertThat(KeyTerms.panelEmail(1000, 43, true)).isEqualTo("dm1000-k43-t");
        String a = KeyTerms.newSubscriptionId();
        assertThat(a).hasSize(16).matches("[a-z2-9]+").isNotEqualTo(KeyTerms.newSubscriptionId());
        assertThat(KeyTerms.subscriptionUrl("https://s.example/sub", a)).isEqualTo("https://s.example/sub/" + a);
        assertThat(KeyTerms.subscriptionUrl("https://s.example/sub/", a)).isEqualTo("https://s.example/sub/" + a);
        assertThat(KeyTerms.subscriptionUrl(null, a)).isNull();
    }

    @Test
    void amountsInMessagesAreExact() {
        assertThat(KeyFormats.money(Money.of(19900, Currency.RUB)))
                .isEqualTo("199 ₽");
        assertThat(KeyFormats.money(Money.of(19950, Currency.RUB)))
                .isEqualTo("199.50 ₽");
        assertThat(KeyFormats.money(Money.of(7, Currency.RUB)))
                .isEqualTo("0.07 ₽");
        assertThat(KeyFormats.money(Money.of(100, Currency.XTR)))
                .isEqualTo("100 ⭐");
    }
}
