package dev.darkmaximus.catalog.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

@Schema(name = "Money", description = "An exact amount in the currency's minor units (kopecks for RUB, whole stars for XTR).")
public record MoneyAmount(
        @Schema(example = "19900") @NotNull @PositiveOrZero Long amount,
        @Schema(example = "RUB") @NotNull Currency currency) {

    static MoneyAmount from(Money money) {
        return new MoneyAmount(money.amount(), money.currency());
    }

    Money toMoney() {
        return Money.of(amount, currency);
    }
}
