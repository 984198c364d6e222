package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.billing.LedgerKind;
import dev.darkmaximus.platform.money.Currency;

/** One append-only line of a customer's statement: signed amount, why, and the balance it left. */
@Table("balance_entries")
public record LedgerEntry(@Id Long id, long accountId, long customerId, long amountMinor, Currency currency,
                          LedgerKind kind, String referenceType, Long referenceId, String reason, long balanceAfterMinor,
                          String createdBy, Instant createdAt) {
}
