package dev.darkmaximus.billing;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.BalanceAccount;
import dev.darkmaximus.billing.persistence.BalanceAccountRepository;
import dev.darkmaximus.billing.persistence.LedgerEntry;
import dev.darkmaximus.billing.persistence.LedgerRepository;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/**
 * The customer's spendable balance as a ledger: every change is one entry with the balance it left, written in the
 * same transaction as the account update; the database refuses a negative balance.
 */
@Service
public class BalanceService {

    private final BalanceAccountRepository accounts;
    private final LedgerRepository ledger;
    private final Clock clock;

    BalanceService(BalanceAccountRepository accounts, LedgerRepository ledger, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Money balance(long customerId, Currency currency) {
        return Money.of(accounts.findBalance(customerId, BalanceAccount.Account.MAIN.name(), currency.name())
                .orElse(0L), currency);
    }

    /**
     * Takes {@code amount} from the main balance for {@code kind} (a purchase or renewal), in the caller's
     * transaction. Returns the balance left, or empty when it doesn't cover the amount (nothing is written: no debt).
     */
    /** A key's auto-renewal paid from the balance (ledger kind RENEWAL, referencing the key). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Money> spendOnRenewal(long customerId, Money price, long keyId, String reason) {
        return spend(customerId, price, LedgerEntry.Kind.RENEWAL, "key", keyId, reason);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Money> spend(long customerId, Money amount, LedgerEntry.Kind kind, String referenceType,
                                 long referenceId, String reason) {
        return apply(customerId, Money.of(-amount.amount(), amount.currency()), kind, referenceType, referenceId,
                reason, "system");
    }

    /** Adds to the main balance (top-up, refund to balance, admin adjustment), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Money credit(long customerId, Money amount, LedgerEntry.Kind kind, String referenceType, Long referenceId,
                        String reason, String actor) {
        return apply(customerId, amount, kind, referenceType, referenceId, reason, actor).orElseThrow();
    }

    private Optional<Money> apply(long customerId, Money delta, LedgerEntry.Kind kind, String referenceType,
                                  Long referenceId, String reason, String actor) {
        if (delta.amount() == 0) {
            throw new IllegalArgumentException("a ledger entry moves money");
        }
        String account = BalanceAccount.Account.MAIN.name();
        accounts.ensureExists(customerId, account, delta.currency().name());
        BalanceAccount locked = accounts.findForUpdate(customerId, account, delta.currency().name()).orElseThrow();
        Optional<Long> after = accounts.apply(locked.id(), delta.amount(), clock.instant());
        after.ifPresent(balance -> ledger.save(new LedgerEntry(null, locked.id(), customerId, delta.amount(),
                delta.currency(), kind, referenceType, referenceId, reason, balance, actor, clock.instant())));
        return after.map(balance -> Money.of(balance, delta.currency()));
    }
}
