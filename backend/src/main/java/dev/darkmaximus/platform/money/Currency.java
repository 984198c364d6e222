package dev.darkmaximus.platform.money;

import java.util.Optional;

/** Currencies we take, each with the number of minor units per major unit that amounts are stored in. */
public enum Currency {
    /** Roubles in kopecks. */
    RUB(2),
    /** Telegram Stars: whole stars, no fractions. */
    XTR(0),
    /** Tether in millionths. */
    USDT(6),
    /** Toncoin in nano-TON. */
    TON(9);

    private final int minorDigits;

    Currency(int minorDigits) {
        this.minorDigits = minorDigits;
    }

    public int minorDigits() {
        return minorDigits;
    }

    /** The currency with this ISO-style code, or empty for one we don't take (a provider may answer with any). */
    public static Optional<Currency> parse(String code) {
        for (Currency currency : values()) {
            if (currency.name().equals(code)) {
                return Optional.of(currency);
            }
        }
        return Optional.empty();
    }
}
