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

    /** A no-break space: groups thousands in Russian ("100 000 ₽") and never breaks an amount across lines. */
    private static final char NBSP = '\u00a0';

    /** For people, in no particular language: "199 ₽", "149.50 ₽", "100 000 ₽", "100 ⭐" (zero kopecks dropped). */
    public String display() {
        return format(NBSP, '.');
    }

    /** For people in their language: "100 000,50 ₽" in Russian, "100,000.50 ₽" in English. */
    public String display(String language) {
        return "ru".equals(language) ? format(NBSP, ',') : format(',', '.');
    }

    private String format(char grouping, char decimal) {
        int digits = currency.minorDigits();
        long absolute = Math.abs(amount);
        long unit = BigInteger.TEN.pow(digits).longValueExact();
        String whole = grouped(absolute / unit, grouping);
        String major = whole;
        if (digits > 0 && absolute % unit != 0) {
            // Kopecks read as money ("18.90"); nine-digit nano-TON reads better trimmed ("0.5").
            String decimals = String.format("%0" + digits + "d", absolute % unit);
            major = whole + decimal + (digits > 2 ? decimals.replaceAll("0+$", "") : decimals);
        }
        String symbol = switch (currency) {
            case RUB -> " ₽";
            case XTR -> " ⭐";
            case USDT -> " USDT";
            case TON -> " TON";
        };
        return (amount < 0 ? "-" : "") + major + symbol;
    }

    private static String grouped(long value, char grouping) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(grouping);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
