package dev.darkmaximus.billing;

/** What a promo code gives: a percent or fixed discount, extra days, or a balance bonus. */
public enum PromoKind {
    PERCENT, FIXED, BONUS_DAYS, BALANCE_BONUS
}
