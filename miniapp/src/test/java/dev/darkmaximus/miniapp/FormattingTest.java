package dev.darkmaximus.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormattingTest {

    @Test
    void pricesAreExactInEveryCurrency() {
        assertThat(PriceFormat.format(19900, "RUB")).isEqualTo("199 ₽");
        assertThat(PriceFormat.format(19950, "RUB")).isEqualTo("199.50 ₽");
        assertThat(PriceFormat.format(1, "RUB")).isEqualTo("0.01 ₽");
        assertThat(PriceFormat.format(12_345_600, "RUB")).isEqualTo("123\u00a0456 ₽");
        assertThat(PriceFormat.format(100, "XTR")).isEqualTo("100 ⭐");
        assertThat(PriceFormat.format(1_500_000, "USDT")).isEqualTo("1.50 USDT");
        assertThat(PriceFormat.format(2_000_000_001L, "TON")).isEqualTo("2.000000001 TON");
        assertThat(PriceFormat.format(9_007_199_254_740_993L, "RUB")).isEqualTo("90\u00a0071\u00a0992\u00a0547\u00a0409.93 ₽");
    }

    @Test
    void durationsFollowEachLanguagesPlurals() {
        assertThat(DurationText.format("months", 1, "en")).isEqualTo("1 month");
        assertThat(DurationText.format("months", 3, "en")).isEqualTo("3 months");
        assertThat(DurationText.format("months", 1, "ru")).isEqualTo("1 месяц");
        assertThat(DurationText.format("months", 3, "ru")).isEqualTo("3 месяца");
        assertThat(DurationText.format("months", 12, "ru")).isEqualTo("12 месяцев");
        assertThat(DurationText.format("days", 21, "ru")).isEqualTo("21 день");
        assertThat(DurationText.format("days", 11, "ru")).isEqualTo("11 дней");
        assertThat(DurationText.format("hours", 24, "ru")).isEqualTo("24 часа");
    }

    @Test
    void trafficAndDevicesReadNaturally() {
        assertThat(new Texts("en").unlimited()).isEqualTo("Unlimited");
        assertThat(new Texts("ru").gigabytes(50)).isEqualTo("50 ГБ");
        assertThat(new Texts("en").devices(1)).isEqualTo("1 device");
        assertThat(new Texts("en").devices(0)).isEqualTo("any number of devices");
    }
}
