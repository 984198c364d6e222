package dev.darkmaximus.platform.money;

import java.util.Objects;

/** An exact amount in minor units of one currency (integers only). */
public record Money(long amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, Currency currency) {
        return new Money(amount, currency);
    }
}
