package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.WithdrawalRequest;
import dev.darkmaximus.platform.money.Currency;

/** A request to pay out referral earnings, with the admin's decision once made. */
@Schema(name = "Withdrawal", description = "A request to pay out referral earnings.")
public record WithdrawalView(long id, long customerId, long amountMinor, Currency currency, String method,
                             String details, String status, String declineReason, Instant decidedAt,
                             Instant createdAt) {

    /**
     * The same request with the payout details masked to their last four characters: what operators see (only
     * admins, who pay withdrawals out, need the full card or wallet number).
     */
    public WithdrawalView masked() {
        String shown = details == null ? null
                : details.length() <= 4 ? "••••" : "•••• " + details.substring(details.length() - 4);
        return new WithdrawalView(id, customerId, amountMinor, currency, method, shown, status, declineReason,
                decidedAt, createdAt);
    }

    static WithdrawalView from(WithdrawalRequest w) {
        return new WithdrawalView(w.id(), w.customerId(), w.amountMinor(), w.currency(), w.method().name(),
                w.details(), w.status().name(), w.declineReason(), w.decidedAt(), w.createdAt());
    }
}
