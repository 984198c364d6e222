package dev.darkmaximus.billing;

/** Why a ledger line moved money. */
public enum LedgerKind {
    TOP_UP, PURCHASE, RENEWAL, REFUND, REFERRAL_REWARD, PROMO_BONUS, ADMIN_ADJUSTMENT, WITHDRAWAL, TRANSFER
}
