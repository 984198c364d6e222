package dev.darkmaximus.billing;

/** Which discount a price carries: a promo code's or the referral first-purchase one (never both percents). */
public enum DiscountSource {
    PROMO, REFERRAL
}
