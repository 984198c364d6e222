package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.Order;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.billing.persistence.PaymentRepository;
import dev.darkmaximus.billing.persistence.PaymentTransition;
import dev.darkmaximus.billing.persistence.PaymentTransitionRepository;
import dev.darkmaximus.billing.persistence.Refund;
import dev.darkmaximus.billing.persistence.RefundRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;

/**
 * The money side of refunds (SPEC §5.6), in two steps around the provider call: {@link #begin} records the intent
 * (checked against what is left to refund, under the payment's lock), {@link #complete} books it once the provider
 * (or the balance) has returned the money: payment amounts, order, ledger, referral reversal, audit, message.
 */
@Service
public class Refunds {

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final PaymentTransitionRepository transitions;
    private final OrderRepository orders;
    private final BalanceService balances;
    private final ReferralService referrals;
    private final ApplicationEventPublisher events;
    private final AuditService audit;
    private final Clock clock;

    Refunds(RefundRepository refunds, PaymentRepository payments, PaymentTransitionRepository transitions,
            OrderRepository orders, BalanceService balances, ReferralService referrals,
            ApplicationEventPublisher events, AuditService audit, Clock clock) {
        this.events = events;
        this.refunds = refunds;
        this.payments = payments;
        this.transitions = transitions;
        this.orders = orders;
        this.balances = balances;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What an admin may refund of a payment now: how much is left, and whether it may go back to the payer and to the
     * balance. The admin UI offers exactly this; {@link #begin} refuses anything else.
     *
     * @param toPayer   the provider can return it (a balance payment can't: it goes back to the balance; nor can
     *                  CryptoBot, which has no refunds)
     * @param toBalance a rouble payment whose money didn't go to the balance already (a top-up, a second payment,
     *                  an extension of a revoked key did: refunding those to the balance would credit them twice)
     */
    public record RefundOptions(long refundableMinor, boolean toPayer, boolean toBalance) {
    }

    @Transactional(readOnly = true)
    public RefundOptions options(long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow(() -> ApiException.notFound("Payment", paymentId));
        return options(payment, orders.findById(payment.orderId()).orElseThrow());
    }

    private RefundOptions options(Payment payment, Order order) {
        if (!payment.status().paid() || payment.status() == PaymentStatus.REFUNDED) {
            return new RefundOptions(0, false, false);
        }
        long left = payment.amountMinor() - payment.refundedMinor()
                - refunds.findByPayment(payment.id()).stream().filter(r -> r.status() == Refund.Status.PENDING)
                .mapToLong(Refund::amountMinor).sum();
        boolean rubles = payment.currency() == ReferralService.CURRENCY;
        // CryptoBot has no refunds (no API returns coins to a payer), and a bank transfer is sent back by hand if at
        // all: both go back to the balance only.
        boolean toPayer = payment.provider() != PaymentMethod.BALANCE && payment.provider() != PaymentMethod.CRYPTOBOT
                && payment.provider() != PaymentMethod.BANK_TRANSFER;
        return new RefundOptions(Math.max(0, left), toPayer,
                rubles && balances.balanceCreditLeft(order.customerId(), payment.id(), order.id()) == 0);
    }

    /** Records a refund to be made; {@code amountMinor} null = everything not yet refunded. */
    @Transactional
    public RefundView begin(long paymentId, Long amountMinor, boolean toBalance, String reason,
                            RefundKeyAction keyAction, Long staffId) {
        Payment payment = payments.findForUpdate(paymentId).orElseThrow(() -> ApiException.notFound("Payment", paymentId));
        Order order = orders.findById(payment.orderId()).orElseThrow();
        RefundOptions options = options(payment, order);
        if (options.refundableMinor() == 0) {
            throw ApiException.conflict("not_refundable", "Only a succeeded payment with money left can be refunded.");
        }
        long left = options.refundableMinor();
        long amount = amountMinor == null ? left : amountMinor;
        if (amount <= 0 || amount > left) {
            throw InvalidInputException.field("amountMinor", "amount_out_of_range",
                    "between 1 and " + left + " (what is left to refund)");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.field("reason", "reason_required", "say why the money is returned");
        }
        if (toBalance && payment.currency() != ReferralService.CURRENCY) {
            throw InvalidInputException.field("toBalance", "balance_currency", "only rouble payments go to the balance");
        }
        if (!toBalance && !options.toPayer()) {
            throw payment.provider() == PaymentMethod.CRYPTOBOT || payment.provider() == PaymentMethod.BANK_TRANSFER
                    ? InvalidInputException.field("toBalance", "provider_has_no_refunds",
                            "this method has no refunds: the payment is refunded to the balance")
                    : InvalidInputException.field("toBalance", "balance_payment",
                            "a balance payment is refunded to the balance");
        }
        if (toBalance && !options.toBalance()) {
            throw InvalidInputException.field("toBalance", "already_on_balance",
                    "this payment went to the customer's balance already; refund it to the card instead");
        }
        long onBalance = payment.currency() == ReferralService.CURRENCY
                ? balances.balanceCreditLeft(order.customerId(), paymentId, order.id()) : 0;
        Refund saved = refunds.save(new Refund(null, paymentId, amount, payment.currency(), null,
                Refund.Status.PENDING, toBalance, reason.strip(), keyAction == null ? RefundKeyAction.NONE : keyAction,
                null, staffId, null, null));
        if (!toBalance && onBalance > 0) {
            // The money went to the balance: the card gets it back only if the balance gives it up, now, before the
            // provider moves anything (a failed refund puts it back).
            long hold = Math.min(amount, onBalance);
            Money balanceNow = balances.balance(order.customerId(), payment.currency());
            balances.holdForCardRefund(order.customerId(), Money.of(hold, payment.currency()), saved.id(), paymentId)
                    .orElseThrow(() -> ApiException.conflict("balance_spent", "This payment went to the customer's "
                            + "balance and part of it is spent: the balance is " + balanceNow.display() + ". Refund at "
                            + "most that much, or correct the balance first."));
        }
        audit.record("refund.start", "payment", paymentId, null, RefundView.from(saved));
        return RefundView.from(saved);
    }

    /** Books a refund the provider (or the balance) has made. Idempotent: a refund booked already is returned as is. */
    @Transactional
    public RefundView complete(long refundId, String providerRefundId) {
        Refund refund = refunds.findForUpdate(refundId).orElseThrow(() -> ApiException.notFound("Refund", refundId));
        if (refund.status() != Refund.Status.PENDING) {
            return RefundView.from(refund);
        }
        Payment payment = payments.findForUpdate(refund.paymentId()).orElseThrow();
        Instant now = clock.instant();
        if (payments.addRefunded(payment.id(), refund.amountMinor(), now) != 1) {
            throw ApiException.conflict("not_refundable", "The payment has less left to refund than this refund.");
        }
        Payment after = payments.findById(payment.id()).orElseThrow();
        transitions.save(PaymentTransition.of(payment.id(), payment.status().name(), after.status().name(),
                "refund", "refund #" + refundId, now));
        Order order = orders.findById(payment.orderId()).orElseThrow();
        // A second payment for an order already paid went to the balance: refunding it leaves the order as it is.
        if (after.status() == PaymentStatus.REFUNDED && !balances.wasSecondPayment(payment.id())) {
            orders.transition(order.id(), order.status().name(), OrderStatus.REFUNDED.name(), now);
        }
        Money amount = Money.of(refund.amountMinor(), refund.currency());
        if (refund.toBalance()) {
            balances.credit(order.customerId(), amount, LedgerKind.REFUND, "refund", refundId,
                    "Refund of order #" + order.id(), "system");
        }
        // Money that went to the balance (a top-up, a second payment, an extension of a revoked key) earned no
        // referral reward, so its refund takes none back.
        if (order.kind() != OrderKind.TOP_UP && balances.heldByRefund(refundId) == 0) {
            referrals.reverse(order.customerId(), amount, refundId);
        }
        // A promo code's balance bonus came with the payment: the refunded share of it goes too, as far as it's left.
        long bonusSpent = balances.wasSecondPayment(payment.id()) ? 0 : balances.takeBackPromoBonus(order.customerId(),
                order.id(), refundId, after.refundedMinor(), after.amountMinor());
        Refund done = refunds.save(new Refund(refund.id(), refund.paymentId(), refund.amountMinor(), refund.currency(),
                providerRefundId, Refund.Status.SUCCEEDED, refund.toBalance(), refund.reason(), refund.keyAction(),
                null, refund.createdBy(), refund.createdAt(), now));
        events.publishEvent(new PaymentRefunded(refundId, payment.id(), order.id(), order.customerId(), amount,
                refund.toBalance(), Money.of(bonusSpent, Currency.RUB)));
        audit.record("refund.complete", "payment", payment.id(), null, RefundView.from(done));
        return RefundView.from(done);
    }

    /** The provider refused: nothing moved; the admin sees why. */
    @Transactional
    public RefundView fail(long refundId, String error) {
        Refund r = refunds.findForUpdate(refundId).orElseThrow();
        if (r.status() != Refund.Status.PENDING) {
            return RefundView.from(r); // decided already (completed, or failed by a racing caller)
        }
        if (!r.toBalance()) {
            Payment payment = payments.findById(r.paymentId()).orElseThrow();
            Order order = orders.findById(payment.orderId()).orElseThrow();
            balances.releaseCardRefund(order.customerId(), refundId, r.currency());
        }
        Refund failed = refunds.save(new Refund(r.id(), r.paymentId(), r.amountMinor(), r.currency(),
                r.providerRefundId(), Refund.Status.FAILED, r.toBalance(), r.reason(), r.keyAction(),
                error.length() > 500 ? error.substring(0, 500) : error, r.createdBy(), r.createdAt(), clock.instant()));
        audit.record("refund.fail", "payment", r.paymentId(), null, RefundView.from(failed));
        return RefundView.from(failed);
    }

    /** The provider accepted but hasn't finished: keep its id to look it up later. */
    @Transactional
    public RefundView pending(long refundId, String providerRefundId) {
        Refund r = refunds.findById(refundId).orElseThrow();
        return RefundView.from(refunds.save(new Refund(r.id(), r.paymentId(), r.amountMinor(), r.currency(),
                providerRefundId, r.status(), r.toBalance(), r.reason(), r.keyAction(), null, r.createdBy(),
                r.createdAt(), clock.instant())));
    }

    /**
     * A refund to the payer left pending because the provider couldn't be reached: retrying it (same id, so the same
     * idempotence key at the provider) is how an admin finishes it.
     */
    @Transactional(readOnly = true)
    public Optional<RefundView> unconfirmed(long paymentId) {
        return refunds.findByPayment(paymentId).stream()
                .filter(r -> r.status() == Refund.Status.PENDING && r.providerRefundId() == null && !r.toBalance())
                .map(RefundView::from).findFirst();
    }

    /** Refunds the provider accepted but hadn't finished: the payment re-check job asks about them. */
    @Transactional(readOnly = true)
    public List<RefundView> pendingAtProvider(int limit) {
        return refunds.findPendingAtProvider(limit).stream().map(RefundView::from).toList();
    }

    @Transactional(readOnly = true)
    public List<RefundView> ofPayment(long paymentId) {
        return refunds.findByPayment(paymentId).stream().map(RefundView::from).toList();
    }
}
