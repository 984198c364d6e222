package dev.darkmaximus.payment;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.cards.SavedCards;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxService;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Asks a provider what became of one of our payments and applies its answer, never anything else: used by webhooks
 * (the notification only says which payment to look at), the pending-payment job and an admin's "re-check".
 */
@Service
public class PaymentChecks implements OutboxHandler {

    /** The outbox task that checks a notification again after its check failed (see {@link #onNotification}). */
    static final String RETRY = "payment.notification";

    private static final Logger log = LoggerFactory.getLogger(PaymentChecks.class);

    private final Providers providers;
    private final PaymentService payments;
    private final ShopSettings settings;
    private final SavedCards cards;
    private final Clock clock;
    /**
     * One provider read per payment at a time on this node (striped by payment id; two payments rarely share a
     * stripe, and then only wait).
     */
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    /**
     * The (payment, event) pairs being checked on this node now. A copy of the same event arriving meanwhile is
     * answered at once instead of queueing for the stripe: YooKassa sent the first copy after the payment reached the
     * state the event names, so the running check's read (made after that copy arrived) already sees it. Should that
     * check fail, its copy is answered as it failed (503 when the provider can't be reached) and a task checks the
     * notification again (the copies answered 200 meanwhile may have been YooKassa's last word). A different event
     * never counts as a copy: it may report a later state.
     */
    private final Set<InFlight> checking = ConcurrentHashMap.newKeySet();

    private final OutboxService outbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    private record InFlight(long paymentId, String event) {
    }

    PaymentChecks(Providers providers, PaymentService payments, SavedCards cards, ShopSettings settings,
                  Clock clock, OutboxService outbox, TransactionTemplate transactions, JsonMapper json) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.cards = cards;
        this.providers = providers;
        this.payments = payments;
        this.settings = settings;
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * A provider's notification that {@code event} ({@code payment.succeeded}, {@code invoice_paid} …) happened to
     * one of our payments. Answered from the database, without asking the provider, when what the event says could
     * not change the payment as {@code seen} (just read by the caller) or as it stands once this node's checks of it
     * are done (a paid payment told it succeeded, or anything but a refund we book ourselves); else the provider is
     * asked, once at a time per payment, and copies of the event arriving meanwhile are taken (200) without waiting
     * for it; a check that fails is answered as it failed and queued to run again.
     */
    public PaymentService.Outcome onNotification(PaymentView seen, String event) {
        if (settled(seen.status(), event)) {
            // Whatever the payment became since it was read, an event that couldn't move it then can't move it now.
            return PaymentService.Outcome.UNCHANGED;
        }
        InFlight key = new InFlight(seen.id(), event.toLowerCase(Locale.ROOT));
        if (!checking.add(key)) {
            return PaymentService.Outcome.UNCHANGED; // a copy: the check under way reads what it would
        }
        try {
            return checkAlone(seen.id(), event);
        } catch (RuntimeException e) {
            checkAgainLater(key);
            throw e;
        } finally {
            checking.remove(key);
        }
    }

    /**
     * Queues the notification's check to run again (the outbox's retries: 10 s, doubling, 10 attempts, then a dead
     * task an admin sees), unless one is queued already: the provider resending it while it keeps failing, or
     * another node, adds no second task.
     */
    private void checkAgainLater(InFlight key) {
        String dedup = RETRY + ":" + key.paymentId() + ":" + key.event() + ":";
        try {
            transactions.executeWithoutResult(status -> {
                if (!outbox.hasUnfinished(dedup)) {
                    outbox.enqueue(RETRY, new JsonDocument(json.writeValueAsString(Map.of("paymentId",
                            key.paymentId(), "event", key.event()))), dedup + clock.millis());
                }
            });
        } catch (RuntimeException e) {
            // The database is out too: the provider resends what was answered 503; a copy answered 200 meanwhile is
            // left to the pending-payment job (SPEC §5.7).
            log.atError().addKeyValue("paymentId", key.paymentId()).setCause(e)
                    .log("could not queue a notification's second check");
        }
    }

    @Override
    public String kind() {
        return RETRY;
    }

    /**
     * A notification whose check failed, checked again: nothing is asked when it no longer could change anything.
     * Throwing (the provider still can't be asked) means "later"; a payment that no longer exists means done.
     */
    @Override
    public void handle(JsonDocument payload) {
        JsonNode task = json.readTree(payload.json());
        long paymentId = task.path("paymentId").asLong();
        if (payments.find(paymentId).isEmpty()) {
            return;
        }
        checkAlone(paymentId, task.path("event").asString(""));
    }

    private PaymentService.Outcome checkAlone(long paymentId, String event) {
        ReentrantLock lock = stripes[(int) Math.floorMod(paymentId, (long) stripes.length)];
        lock.lock();
        try {
            PaymentView current = payments.get(paymentId);
            if (settled(current.status(), event)) {
                return PaymentService.Outcome.UNCHANGED;
            }
            // The event is the provider's word: kept in the transition's source, cut to what the column holds.
            return recheck(current, "webhook:" + event.substring(0, Math.min(event.length(), 48)));
        } finally {
            lock.unlock();
        }
    }

    /** Whether no status the event could report would move a payment in {@code status} (the state machine's word). */
    static boolean settled(PaymentStatus status, String event) {
        if (status.paid()) {
            return true; // success is a no-op once paid, and nothing the provider reports undoes money received
        }
        PaymentStatus claimed = switch (event.toLowerCase(Locale.ROOT)) {
            case "payment.succeeded", "invoice_paid" -> PaymentStatus.SUCCEEDED; // YooKassa's, CryptoBot's
            case "payment.canceled" -> PaymentStatus.CANCELED;
            case "payment.waiting_for_capture" -> PaymentStatus.WAITING_FOR_CAPTURE;
            default -> null;
        };
        // Only the event's own claim is trusted to skip, never to apply: an unknown event is always re-read.
        return claimed != null && status.onObserved(claimed) != PaymentStatus.Move.MOVE;
    }

    /**
     * Re-reads the payment from its provider and applies the provider's status. The amount, currency and order the
     * provider reports must be ours; a mismatch changes nothing and is logged loudly.
     *
     * @throws ProviderException when the provider can't be asked right now (callers retry)
     */
    public PaymentService.Outcome recheck(PaymentView payment, String source) {
        if (payment.providerPaymentId() == null) {
            return PaymentService.Outcome.UNCHANGED;
        }
        Optional<ProviderPayment> read = providers.get(payment.provider()).fetch(payment.providerPaymentId());
        if (read.isEmpty()) {
            return PaymentService.Outcome.UNCHANGED;
        }
        ProviderPayment actual = read.get();
        if (actual.amountMinor() != payment.amountMinor() || actual.currency() != payment.currency()
                || (actual.orderId() != null && actual.orderId() != payment.orderId())) {
            log.atError().addKeyValue("paymentId", payment.id()).addKeyValue("providerAmount", actual.amountMinor())
                    .addKeyValue("providerCurrency", actual.currency()).addKeyValue("providerOrder", actual.orderId())
                    .log("provider's payment does not match ours; not applied");
            return PaymentService.Outcome.IGNORED;
        }
        PaymentService.Outcome outcome = payments.apply(payment.id(), actual.status(), null, source, null,
                actual.snapshotJson());
        try {
            cards.afterProviderAnswer(payment, actual.snapshotJson()); // a card saved, or declined for good
        } catch (RuntimeException e) {
            // The payment is applied; a card not kept must not fail the notification or stop the poll.
            log.atError().addKeyValue("paymentId", payment.id()).setCause(e).log("saved card bookkeeping failed");
        }
        return outcome;
    }

    /** Re-checks payments still open after the configured wait (SPEC §5.7); returns how many changed. */
    public int recheckStuck() {
        int changed = 0;
        for (PaymentView payment : payments.stuck(clock.instant().minus(settings.pendingRecheckAfter()), 100)) {
            try {
                if (recheck(payment, "poll") == PaymentService.Outcome.CHANGED) {
                    changed++;
                } else {
                    payments.touch(payment.id());
                }
            } catch (ProviderException e) {
                log.atWarn().addKeyValue("paymentId", payment.id()).log("pending payment re-check failed: {}",
                        e.getMessage());
                payments.touch(payment.id());
            }
        }
        return changed;
    }

}
