package dev.darkmaximus.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts as people read them in each language (issue 23: "100000 ₽" had no thousands separator). */
class MoneyDisplayTest {

    private static final String NBSP = "\u00a0";

    @Test
    void russianGroupsThousandsWithANoBreakSpaceAndWritesKopecksAfterAComma() {
        assertThat(Money.of(10_000_000, Currency.RUB).display("ru")).isEqualTo("100" + NBSP + "000 ₽");
        assertThat(Money.of(123_456_789_05L, Currency.RUB).display("ru"))
                .isEqualTo("123" + NBSP + "456" + NBSP + "789,05 ₽");
        assertThat(Money.of(17_910, Currency.RUB).display("ru")).isEqualTo("179,10 ₽");
        assertThat(Money.of(-1_990, Currency.RUB).display("ru")).isEqualTo("-19,90 ₽");
        assertThat(Money.of(0, Currency.RUB).display("ru")).isEqualTo("0 ₽");
    }

    @Test
    void englishGroupsWithCommasAndNeutralTextWithNoBreakSpaces() {
        assertThat(Money.of(10_000_050, Currency.RUB).display("en")).isEqualTo("100,000.50 ₽");
        assertThat(Money.of(99_900, Currency.RUB).display("en")).isEqualTo("999 ₽");
        assertThat(Money.of(2_500, Currency.XTR).display("en")).isEqualTo("2,500 ⭐");
        assertThat(Money.of(500_000_000L, Currency.TON).display()).isEqualTo("0.5 TON");
        assertThat(Money.of(150_000_000, Currency.RUB).display()).isEqualTo("1" + NBSP + "500" + NBSP + "000 ₽");
    }
}
