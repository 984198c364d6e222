package dev.darkmaximus.billing;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.WithdrawalRequest;
import dev.darkmaximus.billing.persistence.WithdrawalRequestRepository;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * The referral programme (SPEC §5.5): a share of each paid purchase of an invitee goes to the referrer's REFERRAL
 * account (every provider and auto-renewals; top-ups are not purchases), withdrawn by an admin-approved request or,
 * if the shop allows, moved to the spendable balance.
 */
@Service
public class ReferralService {

    static final Currency CURRENCY = Currency.RUB;

    private final BalanceService balances;
    private final CustomerService customers;
    private final WithdrawalRequestRepository withdrawals;
    private final AdminAlerts alerts;
    private final MoneyQueries queries;
    private final NotificationService notifications;
    private final ShopSettings settings;
    private final AuditService audit;
    private final Clock clock;

    ReferralService(BalanceService balances, CustomerService customers, WithdrawalRequestRepository withdrawals,
                    MoneyQueries queries, NotificationService notifications, ShopSettings settings,
                    AuditService audit, AdminAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.balances = balances;
        this.customers = customers;
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.notifications = notifications;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Credits the buyer's referrer their percentage of {@code paid}, in the paying transaction. The ledger's unique
     * (account, kind, reference) makes a second call for the same purchase fail rather than pay twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reward(long buyerId, Money paid, String referenceType, long referenceId) {
        if (!settings.referralEnabled()) {
            return;
        }
        Long referrer = customers.get(buyerId).referrerId();
        long reward = Pricing.referralReward(paid.amount(), settings.referralPercent());
        if (referrer == null || reward <= 0) {
            return;
        }
        balances.applyReferral(referrer, Money.of(reward, paid.currency()), LedgerKind.REFERRAL_REWARD, referenceType,
                referenceId, "Referral reward for customer #" + customers.get(buyerId).number(), "system");
        notifications.queue(referrer, "referral_reward", Templates.REFERRAL_REWARD,
                Map.of("amount", Money.of(reward, paid.currency()).display()),
                "referral:" + referenceType + ":" + referenceId);
    }

    /**
     * Takes back the referrer's share of a refunded amount (as much as is still on their referral account: what
     * was already paid out can't be clawed back here, and the admin sees the shortfall in the audit log).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long reverse(long buyerId, Money refunded, long refundId) {
        Long referrer = customers.get(buyerId).referrerId();
        long due = Pricing.referralReward(refunded.amount(), settings.referralPercent());
        if (referrer == null || due <= 0 || !settings.referralEnabled()) {
            return 0;
        }
        long available = balances.referralBalance(referrer, refunded.currency()).amount();
        long taken = Math.min(due, available);
        if (taken > 0) {
            balances.applyReferral(referrer, Money.of(-taken, refunded.currency()), LedgerKind.REFERRAL_REWARD,
                    "refund", refundId, "Reward reversed: refund of customer #" + customers.get(buyerId).number(),
                    "system").orElseThrow();
        }
        if (taken < due) {
            audit.record("referral.reversal_short", "customer", referrer, null,
                    Map.of("due", due, "taken", taken, "refundId", refundId));
        }
        return taken;
    }

    @Transactional(readOnly = true)
    public ReferralInfo info(long customerId) {
        CustomerView customer = customers.get(customerId);
        String start = "ref_" + customer.number();
        String bot = settings.botUsername();
        WithdrawalView open = withdrawals.findOpenOf(customerId).map(WithdrawalView::from).orElse(null);
        return new ReferralInfo(bot.isBlank() ? null : "https://t.me/" + bot + "?start=" + start, start,
                customers.inviteeCount(customerId), queries.referralEarnings(customerId, CURRENCY.name()),
                balances.referralBalance(customerId, CURRENCY).amount(), settings.referralWithdrawalMin(),
                settings.referralTransferAllowed(), settings.referralPercent(),
                settings.referralFirstPurchaseDiscount(), open);
    }

    /** Asks to pay out referral earnings; the amount is only checked here and debited when an admin approves. */
    @Transactional
    public WithdrawalView requestWithdrawal(long customerId, long amountMinor, String method, String details) {
        if (amountMinor < settings.referralWithdrawalMin()) {
            throw InvalidInputException.field("amountMinor", "below_minimum",
                    "The smallest withdrawal is " + Money.of(settings.referralWithdrawalMin(), CURRENCY).display() + ".");
        }
        if (amountMinor > balances.referralBalance(customerId, CURRENCY).amount()) {
            throw InvalidInputException.field("amountMinor", "insufficient_referral_balance",
                    "That is more than your referral balance.");
        }
        WithdrawalRequest.Method parsed;
        try {
            parsed = WithdrawalRequest.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("method", "invalid_method", "card, phone or other");
        }
        try {
            WithdrawalView requested = WithdrawalView.from(withdrawals.save(new WithdrawalRequest(null, customerId,
                    amountMinor, CURRENCY, parsed, details.strip(), WithdrawalRequest.Status.REQUESTED, null, null, null,
                    clock.instant(), 0)));
            alerts.queue(AlertTemplates.WITHDRAWAL_REQUESTED, Map.of("withdrawal_id", Long.toString(requested.id()),
                    "amount", Money.of(amountMinor, CURRENCY).display(),
                    "customer_number", Long.toString(customers.get(customerId).number()),
                    "method", parsed.name().toLowerCase(Locale.ROOT)),
                    "withdrawal.requested:" + requested.id());
            return requested;
        } catch (DuplicateKeyException alreadyOpen) {
            throw ApiException.conflict("withdrawal_pending", "You already have a withdrawal request waiting.");
        }
    }

    /** Moves referral earnings to the spendable balance, when the shop allows it. */
    @Transactional
    public Money transferToBalance(long customerId, long amountMinor) {
        if (!settings.referralTransferAllowed()) {
            throw ApiException.conflict("transfer_not_allowed", "Moving referral earnings to the balance is off.");
        }
        if (amountMinor <= 0) {
            throw InvalidInputException.field("amountMinor", "invalid_amount", "must be positive");
        }
        LedgerLine out = balances.applyReferral(customerId, Money.of(-amountMinor, CURRENCY), LedgerKind.TRANSFER,
                        "transfer", null, "To the main balance", "customer")
                .orElseThrow(() -> InvalidInputException.field("amountMinor", "insufficient_referral_balance",
                        "That is more than your referral balance."));
        balances.credit(customerId, Money.of(amountMinor, CURRENCY), LedgerKind.TRANSFER, "transfer", out.id(),
                "From referral earnings", "customer");
        return balances.balance(customerId, CURRENCY);
    }

    /**
     * Withdrawal requests for staff. Payout details (a card or wallet number) are shown whole only to admins, who pay
     * them out; operators see the last four characters.
     */
    @Transactional(readOnly = true)
    public List<WithdrawalView> withdrawals(String status, int limit, boolean admin) {
        return withdrawals.findByStatus(status == null ? null : status.toUpperCase(Locale.ROOT), limit)
                .stream().map(WithdrawalView::from).map(w -> admin ? w : w.masked()).toList();
    }

    /** Admin: approves and debits the referral account (paid out by hand); refused if the money is no longer there. */
    @Transactional
    public WithdrawalView approve(long id, Long staffId) {
        WithdrawalRequest request = requested(id);
        balances.applyReferral(request.customerId(), Money.of(-request.amountMinor(), request.currency()),
                        LedgerKind.WITHDRAWAL, "withdrawal", id, "Withdrawal #" + id, "staff:" + staffId)
                .orElseThrow(() -> ApiException.conflict("insufficient_referral_balance",
                        "The customer's referral balance no longer covers this withdrawal."));
        WithdrawalView after = decide(request, WithdrawalRequest.Status.APPROVED, null, staffId);
        notifications.queue(request.customerId(), "withdrawal", Templates.WITHDRAWAL_APPROVED,
                Map.of("amount", Money.of(request.amountMinor(), request.currency()).display()), "withdrawal:" + id);
        return after;
    }

    /** Admin: declines with a reason the customer is told. */
    @Transactional
    public WithdrawalView decline(long id, String reason, Long staffId) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.field("reason", "reason_required", "tell the customer why");
        }
        WithdrawalRequest request = requested(id);
        WithdrawalView after = decide(request, WithdrawalRequest.Status.DECLINED, reason.strip(), staffId);
        notifications.queue(request.customerId(), "withdrawal", Templates.WITHDRAWAL_DECLINED,
                Map.of("amount", Money.of(request.amountMinor(), request.currency()).display(), "reason",
                        reason.strip()), "withdrawal:" + id);
        return after;
    }

    private WithdrawalRequest requested(long id) {
        WithdrawalRequest request = withdrawals.findById(id)
                .orElseThrow(() -> ApiException.notFound("Withdrawal request", id));
        if (request.status() != WithdrawalRequest.Status.REQUESTED) {
            throw ApiException.conflict("withdrawal_decided", "This request was already " +
                    request.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        return request;
    }

    private WithdrawalView decide(WithdrawalRequest r, WithdrawalRequest.Status status, String reason, Long staffId) {
        WithdrawalRequest saved = withdrawals.save(new WithdrawalRequest(r.id(), r.customerId(), r.amountMinor(),
                r.currency(), r.method(), r.details(), status, reason, staffId, clock.instant(), r.createdAt(),
                r.version()));
        WithdrawalView after = WithdrawalView.from(saved);
        audit.record("withdrawal." + status.name().toLowerCase(Locale.ROOT), "withdrawal", r.id(),
                WithdrawalView.from(r), after);
        return after;
    }
}
