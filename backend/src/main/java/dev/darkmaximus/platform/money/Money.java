package dev.darkmaximus.platform.money;

import java.math.BigInteger;
import java.util.Objects;

/** An exact amount in minor units of one currency (integers only). */
public record Money(long amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** For people: "199 ₽", "149.5 ₽", "100 ⭐" (trailing zero kopecks dropped). */
    public String display() {
        int digits = currency.minorDigits();
        long absolute = Math.abs(amount);
        String major;
        if (digits == 0) {
            major = Long.toString(absolute);
        } else {
            long unit = BigInteger.TEN.pow(digits).longValueExact();
            long fraction = absolute % unit;
            // Kopecks read as money ("18.90"); nine-digit nano-TON reads better trimmed ("0.5").
            String decimals = String.format("%0" + digits + "d", fraction);
            major = (absolute / unit) + (fraction == 0 ? "" : "." + (digits > 2 ? decimals.replaceAll("0+$", "") : decimals));
        }
        String symbol = switch (currency) {
            case RUB -> " ₽";
            case XTR -> " ⭐";
            case USDT -> " USDT";
            case TON -> " TON";
        };
        return (amount < 0 ? "-" : "") + major + symbol;
    }
}
