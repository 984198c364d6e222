package dev.darkmaximus.billing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.MoneyQueries;
import dev.darkmaximus.billing.persistence.OrderRepository;
import dev.darkmaximus.billing.persistence.Payment;
import dev.darkmaximus.billing.persistence.PaymentRepository;
import dev.darkmaximus.billing.persistence.PaymentTransition;
import dev.darkmaximus.billing.persistence.PaymentTransitionRepository;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.web.ListSort;

/**
 * The payment state machine (SPEC §5.3). Only a verified provider observation (or the balance service) moves a
 * payment, always under its row lock, so duplicate and concurrent notifications serialise and all but the first
 * find nothing to do. A success, verified, always wins — even over an order that expired meanwhile, because the
 * money was taken — while a late "canceled" never undoes it. Every change is recorded with its source.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final OrderRepository orders;
    private final PaymentTransitionRepository transitions;
    private final Fulfilment fulfilment;
    private final MoneyQueries queries;
    private final Clock clock;

    PaymentService(PaymentRepository payments, OrderRepository orders, PaymentTransitionRepository transitions,
                   Fulfilment fulfilment, MoneyQueries queries, Clock clock) {
        this.payments = payments;
        this.orders = orders;
        this.queries = queries;
        this.transitions = transitions;
        this.fulfilment = fulfilment;
        this.clock = clock;
    }

    /** What applying an observation did. */
    public enum Outcome { CHANGED, UNCHANGED, IGNORED }

    /**
     * Applies what the provider (re-read, never the notification alone) says about our payment {@code paymentId}.
     * A success runs the whole "on success" (SPEC §5.4) in this transaction.
     *
     * @param providerPaymentId the provider's id when it is first learnt here (Stars' charge id), else null
     * @param snapshotJson      the provider's payment object as read, kept for support
     */
    @Transactional
    public Outcome apply(long paymentId, PaymentStatus observed, String providerPaymentId, String source,
                         String detail, String snapshotJson) {
        Payment payment = payments.findForUpdate(paymentId)
                .orElseThrow(() -> ApiException.notFound("Payment", paymentId));
        PaymentStatus current = payment.status();
        PaymentStatus.Move move = current.onObserved(observed);
        if (move == PaymentStatus.Move.SAME) {
            return Outcome.UNCHANGED;
        }
        if (move == PaymentStatus.Move.REFUSE) {
            log.atWarn().addKeyValue("paymentId", paymentId).addKeyValue("from", current)
                    .addKeyValue("to", observed).addKeyValue("source", source).log("payment transition ignored");
            return Outcome.IGNORED;
        }
        Instant now = clock.instant();
        if (payments.move(paymentId, current.name(), observed.name(), providerPaymentId, snapshotJson, now) != 1) {
            throw new IllegalStateException("payment " + paymentId + " moved under its lock");
        }
        transitions.save(PaymentTransition.of(paymentId, current.name(), observed.name(), source, detail, now));
        if (observed == PaymentStatus.SUCCEEDED) {
            fulfilment.paid(payment.orderId(), payments.findById(paymentId).orElseThrow());
        } else if (observed == PaymentStatus.EXPIRED && payments.findByOrder(payment.orderId()).stream()
                .noneMatch(p -> p.status().open())) {
            // The provider let its invoice lapse (CryptoBot's expires with the order): the order can't be paid now.
            orders.transition(payment.orderId(), OrderStatus.OPEN.name(), OrderStatus.EXPIRED.name(), now);
        }
        log.atInfo().addKeyValue("paymentId", paymentId).addKeyValue("from", current).addKeyValue("to", observed)
                .addKeyValue("source", source).log("payment moved");
        return Outcome.CHANGED;
    }

    /**
     * Records money that arrived for an order outside its current payment (a second charge of one invoice) as a
     * payment of its own and applies it; the order being paid already, it goes to the customer's balance.
     */
    @Transactional
    public Outcome applyExtra(long orderId, PaymentMethod provider, String providerPaymentId, long amountMinor,
                              Long payerTelegramId, String source, String snapshotJson) {
        Payment first = payments.findByOrder(orderId).getFirst();
        Payment extra = payments.save(new Payment(null, orderId, provider, null, amountMinor, first.currency(),
                PaymentStatus.PENDING, 0, null, null, null, payerTelegramId, null, null, 0));
        return apply(extra.id(), PaymentStatus.SUCCEEDED, providerPaymentId, source, "extra charge", snapshotJson);
    }

    /** One statement, outside a transaction: each of a storm of provider notifications starts with it. */
    public Optional<PaymentView> byProviderId(PaymentMethod provider, String providerPaymentId) {
        return payments.findByProviderPaymentId(provider.name(), providerPaymentId).map(PaymentView::from);
    }

    @Transactional(readOnly = true)
    public PaymentView get(long paymentId) {
        return payments.findById(paymentId).map(PaymentView::from)
                .orElseThrow(() -> ApiException.notFound("Payment", paymentId));
    }

    @Transactional(readOnly = true)
    public List<TransitionView> history(long paymentId) {
        return transitions.findByPayment(paymentId).stream()
                .map(t -> new TransitionView(t.fromStatus(), t.toStatus(), t.source(), t.detail(), t.createdAt()))
                .toList();
    }

    /** The admin's transactions list: newest first, filtered, cursor = the last payment id of the previous page. */
    @Transactional(readOnly = true)
    public List<TransactionRow> search(PaymentStatus status, PaymentMethod provider, Long customerId, Instant from,
                                       Instant to, Long startingAfter, int limit) {
        return queries.searchPayments(status == null ? null : status.name(), provider == null ? null : provider.name(),
                customerId, from, to, startingAfter, limit).stream().map(TransactionRow::from).toList();
    }

    /** The admin list in a chosen order ({@code -createdAt}, {@code amount}, …), a page at {@code offset}. */
    @Transactional(readOnly = true)
    public List<TransactionRow> search(PaymentStatus status, PaymentMethod provider, Long customerId, Instant from,
                                       Instant to, String sort, int offset, int limit) {
        String orderBy = ListSort.parse(sort, MoneyQueries.PAYMENT_SORTS, "p.id").orderBy();
        return queries.searchPayments(status == null ? null : status.name(), provider == null ? null : provider.name(),
                customerId, from, to, null, orderBy, offset, limit).stream().map(TransactionRow::from).toList();
    }

    /** Payments still open after {@code olderThan} that the provider can be asked about. */
    @Transactional(readOnly = true)
    public List<PaymentView> stuck(Instant olderThan, int limit) {
        return payments.findStuck(olderThan, limit).stream().map(PaymentView::from).toList();
    }

    /** The payments of {@code provider} whose money arrived within [from, to), by the shop's own records. */
    @Transactional(readOnly = true)
    public List<PaymentView> succeededBetween(PaymentMethod provider, Instant from, Instant to) {
        return payments.findSucceededBetween(provider.name(), from, to).stream().map(PaymentView::from).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PaymentView> find(long paymentId) {
        return payments.findById(paymentId).map(PaymentView::from);
    }

    /** Marks a payment as looked at, so the pending-payment job asks about the others first next time. */
    @Transactional
    public void touch(long paymentId) {
        payments.touch(paymentId, clock.instant());
    }

    /** What the provider said when the payment was started: its id and where the customer pays. */
    @Transactional
    public void attach(long paymentId, String providerPaymentId, String confirmationUrl, String snapshotJson) {
        payments.attach(paymentId, providerPaymentId, confirmationUrl, snapshotJson, clock.instant());
    }

    /** One recorded status change. */
    public record TransitionView(String from, String to, String source, String detail, Instant at) {
    }
}
