package dev.darkmaximus.billing;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.persistence.LedgerEntry;
import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.platform.money.Currency;

/** One line of a customer's statement as the API shows it. */
@Schema(name = "LedgerLine", description = "One statement line: signed amount, account (MAIN or REFERRAL), why, and the balance it left.")
public record LedgerLine(long id, String account, long amountMinor, Currency currency, LedgerKind kind,
                         String referenceType, Long referenceId, String reason, long balanceAfterMinor,
                         Instant createdAt) {

    static LedgerLine from(MoneyQueries.StatementRow r) {
        return new LedgerLine(r.id(), r.account(), r.amountMinor(), Currency.valueOf(r.currency()),
                LedgerKind.valueOf(r.kind()), r.referenceType(), r.referenceId(), r.reason(), r.balanceAfterMinor(),
                r.createdAt().toInstant());
    }

    static LedgerLine from(LedgerEntry e) {
        return new LedgerLine(e.id(), null, e.amountMinor(), e.currency(), e.kind(), e.referenceType(),
                e.referenceId(), e.reason(), e.balanceAfterMinor(), e.createdAt());
    }

    LedgerLine withAccount(String name) {
        return new LedgerLine(id, name, amountMinor, currency, kind, referenceType, referenceId, reason,
                balanceAfterMinor, createdAt);
    }
}
