package dev.darkmaximus.payment;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.billing.RefundKeyAction;
import dev.darkmaximus.billing.RefundView;
import dev.darkmaximus.billing.Refunds;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.subscription.KeyService;

/**
 * Admin refunds (SPEC §5.6): record the intent, return the money through the provider (YooKassa refund, Stars
 * {@code refundStarPayment}) or to the balance, book it, then do what the admin chose with the key — shorten it by
 * the refunded share of its term, or revoke it (panel first).
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final Refunds refunds;
    private final PaymentService payments;
    private final OrderService orders;
    private final Providers providers;
    private final KeyService keys;
    private final PlanService plans;
    private final AdminAlerts alerts;
    private final TransactionTemplate tx;

    RefundService(Refunds refunds, PaymentService payments, OrderService orders, Providers providers,
                  KeyService keys, PlanService plans, AdminAlerts alerts,
                  TransactionTemplate tx) {
        this.alerts = alerts;
        this.tx = tx;
        this.refunds = refunds;
        this.payments = payments;
        this.orders = orders;
        this.providers = providers;
        this.keys = keys;
        this.plans = plans;
    }

    /** The outcome: the refund, and what happened to the key when that failed separately. */
    public record Outcome(RefundView refund, String keyActionError) {
    }

    public Outcome refund(long paymentId, Long amountMinor, boolean toBalance, String reason,
                          RefundKeyAction keyAction, Long staffId) {
        // An earlier attempt the provider never confirmed is retried as is rather than refunded a second time.
        RefundView refund = toBalance ? null : refunds.unconfirmed(paymentId).orElse(null);
        if (refund == null) {
            refund = refunds.begin(paymentId, amountMinor, toBalance, reason, keyAction, staffId);
        }
        PaymentView payment = payments.get(paymentId);
        if (!toBalance) {
            PaymentProvider.ProviderRefund result;
            try {
                result = providers.get(payment.provider()).refund(payment, refund.amountMinor(), refund.id(),
                        payment.payerTelegramId());
            } catch (ProviderException e) {
                if (e.isTransient()) {
                    // Left pending: the same refund id is the provider's idempotence key, so retrying is safe.
                    throw e.asApiError("The refund could not be confirmed; it is recorded as pending: refund again to "
                            + "retry it");
                }
                refunds.fail(refund.id(), e.getMessage());
                throw e.asApiError("The provider refused the refund");
            }
            if ("FAILED".equals(result.status())) {
                refunds.fail(refund.id(), result.detail() == null ? "refused" : result.detail());
                throw new ApiException(HttpStatus.BAD_GATEWAY, "provider_unavailable",
                        "The provider refused the refund: " + result.detail());
            }
            if ("PENDING".equals(result.status())) {
                return new Outcome(refunds.pending(refund.id(), result.id()), null);
            }
            refund = refunds.complete(refund.id(), result.id());
        } else {
            refund = refunds.complete(refund.id(), null);
        }
        return new Outcome(refund, applyKeyAction(payment, refund));
    }

    /**
     * Asks the provider about refunds it answered "pending" (YooKassa finishes some later) and settles them: a
     * succeeded one is booked and its key action done, a canceled one fails and frees what it held. Run by the
     * payment re-check job; returns how many were settled.
     */
    public int settlePending() {
        int settled = 0;
        for (RefundView pending : refunds.pendingAtProvider(100)) {
            PaymentView payment = payments.get(pending.paymentId());
            try {
                PaymentProvider.ProviderRefund now = providers.get(payment.provider())
                        .fetchRefund(pending.providerRefundId()).orElse(null);
                if (now == null || "PENDING".equals(now.status())) {
                    continue;
                }
                if ("SUCCEEDED".equals(now.status())) {
                    RefundView done = refunds.complete(pending.id(), now.id());
                    String keyError = applyKeyAction(payment, done);
                    if (keyError != null) {
                        // Nobody is waiting on a screen for this one: the admins are told to do it by hand.
                        Map<String, String> facts = Map.of("refund_id", Long.toString(done.id()),
                                "payment_id", Long.toString(payment.id()),
                                "key_action", String.valueOf(done.keyAction()), "error", keyError);
                        tx.executeWithoutResult(status -> alerts.queue(AlertTemplates.REFUND_KEY_ACTION_FAILED, facts,
                                "refund.key-action:" + done.id()));
                    }
                } else {
                    refunds.fail(pending.id(), "canceled by the provider: "
                            + (now.detail() == null ? "no reason given" : now.detail()));
                }
                settled++;
            } catch (RuntimeException e) {
                // One refund that can't be settled now must not keep the others (or the next run) from theirs.
                log.atWarn().addKeyValue("refundId", pending.id()).log("pending refund check failed: {}",
                        e.getMessage());
            }
        }
        return settled;
    }

    private String applyKeyAction(PaymentView payment, RefundView refund) {
        OrderView order = orders.get(payment.orderId());
        if (refund.keyAction() == RefundKeyAction.NONE || order.keyId() == null) {
            return null;
        }
        try {
            if (refund.keyAction() == RefundKeyAction.REVOKE) {
                keys.revoke(order.keyId());
            } else {
                PlanView plan = plans.get(order.planId());
                Duration term = switch (plan.durationUnit()) {
                    case MONTHS -> Duration.ofDays(30L * plan.durationValue());
                    case DAYS -> Duration.ofDays(plan.durationValue());
                    case HOURS -> Duration.ofHours(plan.durationValue());
                };
                keys.shorten(order.keyId(), term.multipliedBy(refund.amountMinor()).dividedBy(payment.amountMinor()));
            }
            return null;
        } catch (ApiException e) {
            log.atWarn().addKeyValue("keyId", order.keyId()).log("refund key action failed: {}", e.getMessage());
            return e.getMessage();
        }
    }
}
