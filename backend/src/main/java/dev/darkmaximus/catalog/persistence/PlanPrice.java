package dev.darkmaximus.catalog.persistence;

import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.money.Currency;

/** A plan's price in one currency, in that currency's minor units. */
@Table("plan_prices")
public record PlanPrice(Currency currency, long amountMinor) {
}
