package dev.darkmaximus.billing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.BalanceAccount;
import dev.darkmaximus.billing.persistence.BalanceAccountRepository;
import dev.darkmaximus.billing.persistence.LedgerEntry;
import dev.darkmaximus.billing.persistence.LedgerRepository;
import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * The customer's balances as a ledger: every change is one entry with the balance it left, written in the same
 * transaction as the account update; the database refuses a negative balance. MAIN is spendable; REFERRAL holds
 * referral earnings until withdrawn or moved to MAIN.
 */
@Service
public class BalanceService {

    static final BalanceAccount.Account MAIN = BalanceAccount.Account.MAIN;
    static final BalanceAccount.Account REFERRAL = BalanceAccount.Account.REFERRAL;

    private final BalanceAccountRepository accounts;
    private final LedgerRepository ledger;
    private final MoneyQueries queries;
    private final AuditService audit;
    private final Clock clock;
    private final ShopSettings settings;

    BalanceService(BalanceAccountRepository accounts, LedgerRepository ledger, MoneyQueries queries,
                   AuditService audit, ShopSettings settings, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.ledger = ledger;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Money balance(long customerId, Currency currency) {
        return balanceOf(customerId, MAIN, currency);
    }

    /** What the customer has paid in all, a sum per currency they paid in (none: nothing paid yet). */
    @Transactional(readOnly = true)
    public List<Money> totalSpent(long customerId) {
        return queries.totalSpent(customerId).entrySet().stream()
                .flatMap(e -> Currency.parse(e.getKey()).map(c -> Money.of(e.getValue(), c)).stream()).toList();
    }

    @Transactional(readOnly = true)
    public Money referralBalance(long customerId, Currency currency) {
        return balanceOf(customerId, REFERRAL, currency);
    }

    /** Newest first; {@code before} is the id of the last entry of the previous page. */
    @Transactional(readOnly = true)
    public List<LedgerLine> statement(long customerId, Long before, int limit) {
        return queries.statement(customerId, before, limit).stream().map(LedgerLine::from).toList();
    }

    /**
     * A key's auto-renewal paid from the main balance (ledger kind RENEWAL, referencing the key), in the caller's
     * transaction. Empty when the balance doesn't cover it: nothing is written, no debt.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LedgerLine> spendOnRenewal(long customerId, Money price, long keyId, String reason) {
        return apply(customerId, MAIN, negate(price), LedgerKind.RENEWAL, "key", keyId, reason, "system");
    }

    /** Takes from the main balance; empty (and nothing written) when it doesn't cover the amount. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<LedgerLine> spend(long customerId, Money amount, LedgerKind kind, String referenceType, long referenceId,
                               String reason) {
        return apply(customerId, MAIN, negate(amount), kind, referenceType, referenceId, reason, "system");
    }

    /**
     * How much of a payment sits on the customer's main balance as that payment's money (see
     * {@link dev.darkmaximus.billing.persistence.LedgerRepository#balanceCreditLeft}); 0 for a payment that bought
     * something directly.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long balanceCreditLeft(long customerId, long paymentId, long orderId) {
        boolean second = ledger.creditedAsPayment(paymentId);
        return Math.max(0, ledger.balanceCreditLeft(customerId, paymentId, orderId, !second));
    }

    /** Takes back, for a refund to the card, what the payment had put on the balance; empty if already spent. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<LedgerLine> holdForCardRefund(long customerId, Money amount, long refundId, long paymentId) {
        return apply(customerId, MAIN, negate(amount), LedgerKind.REFUND, "refund", refundId,
                "Refund #" + refundId + " of payment #" + paymentId + " to the card", "system");
    }

    /** What a refund to the card took off the balance (the payment's money had gone there). */
    @Transactional(propagation = Propagation.MANDATORY)
    long heldByRefund(long refundId) {
        return ledger.heldByRefund(refundId);
    }

    /** Whether the payment went to the balance as a second payment for an order already paid. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean wasSecondPayment(long paymentId) {
        return ledger.creditedAsPayment(paymentId);
    }

    /**
     * Takes back the share of an order's promo balance bonus that its refunds so far cover ({@code refunded} of
     * {@code paid}; all of it once the payment is refunded in full), as far as the balance still has it. Returns what
     * could not be taken back because it was spent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long takeBackPromoBonus(long customerId, long orderId, long refundId, long refunded, long paid) {
        // The bonus is credited in roubles whatever the order was paid in (Fulfilment), so it is taken back in roubles.
        Currency currency = Currency.RUB;
        long bonus = ledger.promoBonusOf(orderId);
        if (bonus <= 0 || paid <= 0) {
            return 0;
        }
        long due = Math.multiplyExact(bonus, Math.min(refunded, paid)) / paid - ledger.promoBonusTakenBack(orderId);
        if (due <= 0) {
            return 0;
        }
        long take = Math.min(due, balance(customerId, currency).amount());
        boolean taken = take > 0 && apply(customerId, MAIN, Money.of(-take, currency), LedgerKind.PROMO_BONUS,
                "bonus-refund", refundId, "Promo bonus of order #" + orderId + " taken back with refund #" + refundId,
                "system").isPresent();
        return taken ? due - take : due;
    }

    /** Gives back what a refund to the card held when the provider refused it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void releaseCardRefund(long customerId, long refundId, Currency currency) {
        long held = ledger.heldByRefund(refundId);
        if (held > 0) {
            apply(customerId, MAIN, Money.of(held, currency), LedgerKind.REFUND, "refund-undo", refundId,
                    "Refund #" + refundId + " failed: money back on the balance", "system");
        }
    }

    /** Adds to the main balance (top-up, refund to balance, bonus), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerLine credit(long customerId, Money amount, LedgerKind kind, String referenceType, Long referenceId,
                             String reason, String actor) {
        return apply(customerId, MAIN, amount, kind, referenceType, referenceId, reason, actor).orElseThrow();
    }

    /** Moves money on the referral account (rewards in, withdrawals and reversals out); empty if it would overdraw. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<LedgerLine> applyReferral(long customerId, Money delta, LedgerKind kind, String referenceType,
                                       Long referenceId, String reason, String actor) {
        return apply(customerId, REFERRAL, delta, kind, referenceType, referenceId, reason, actor);
    }

    /**
     * Admin correction of the main balance with a mandatory reason, audited. A debit that would overdraw is refused
     * (409 {@code insufficient_balance}): the balance never goes negative.
     */
    @Transactional
    public LedgerLine adjust(long customerId, Money delta, String reason, String actor) {
        if (delta.amount() == 0) {
            throw InvalidInputException.field("amountMinor", "zero_amount", "must not be zero");
        }
        long max = settings.adjustmentMax();
        if (delta.amount() > max || delta.amount() < -max) {
            throw InvalidInputException.field("amountMinor", "amount_out_of_range",
                    "must be at most " + Money.of(max, delta.currency()).display() + " either way (setting "
                            + "\"Largest balance adjustment\")");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.field("reason", "reason_required", "say why the balance changes");
        }
        Money before = balance(customerId, delta.currency());
        LedgerLine line = apply(customerId, MAIN, delta, LedgerKind.ADMIN_ADJUSTMENT, "admin", null, reason.strip(),
                actor).orElseThrow(() -> ApiException.conflict("insufficient_balance",
                "The balance is " + before.amount() + " and can't go below zero."));
        audit.record("balance.adjust", "customer", customerId, before, line);
        return line;
    }

    private Money balanceOf(long customerId, BalanceAccount.Account account, Currency currency) {
        return Money.of(accounts.findBalance(customerId, account.name(), currency.name()).orElse(0L), currency);
    }

    private Optional<LedgerLine> apply(long customerId, BalanceAccount.Account account, Money delta, LedgerKind kind,
                                       String referenceType, Long referenceId, String reason, String actor) {
        if (delta.amount() == 0) {
            throw new IllegalArgumentException("a ledger entry moves money");
        }
        accounts.ensureExists(customerId, account.name(), delta.currency().name());
        BalanceAccount locked = accounts.findForUpdate(customerId, account.name(), delta.currency().name())
                .orElseThrow();
        Optional<Long> after = accounts.apply(locked.id(), delta.amount(), clock.instant());
        return after.map(balance -> LedgerLine.from(ledger.save(new LedgerEntry(null, locked.id(), customerId,
                delta.amount(), delta.currency(), kind, referenceType, referenceId, reason, balance, actor,
                clock.instant()))).withAccount(account.name()));
    }

    private static Money negate(Money amount) {
        return Money.of(-amount.amount(), amount.currency());
    }
}
