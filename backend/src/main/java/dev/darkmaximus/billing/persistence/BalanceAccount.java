package dev.darkmaximus.billing.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import dev.darkmaximus.platform.money.Currency;

/**
 * A customer's balance in one account and currency. Changed only together with a ledger entry, through
 * {@link BalanceAccountRepository#apply}; the database refuses a negative balance.
 */
@Table("balance_accounts")
public record BalanceAccount(@Id Long id, long customerId, Account account, Currency currency, long balanceMinor,
                             Instant updatedAt, @Version int version) {

    /** MAIN is spendable; REFERRAL holds referral earnings until withdrawn or transferred. */
    public enum Account { MAIN, REFERRAL }
}
