package dev.darkmaximus.notify;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderPaid;
import dev.darkmaximus.billing.PaymentRefunded;
import dev.darkmaximus.messaging.MessageFormats;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.subscription.KeyExpired;
import dev.darkmaximus.subscription.KeyExtended;
import dev.darkmaximus.subscription.KeyProvisioned;

/**
 * What the customer is told when something happens to their money or keys (SPEC §11). Each listener runs in the
 * publisher's transaction, so a message is queued exactly when its fact commits; the dedup keys make a repeated
 * event a no-op.
 */
@Component
class CustomerMessages {

    private final NotificationService notifications;
    private final BalanceService balances;
    private final MessageFormats formats;

    CustomerMessages(NotificationService notifications, BalanceService balances, MessageFormats formats) {
        this.notifications = notifications;
        this.balances = balances;
        this.formats = formats;
    }

    @EventListener
    void on(OrderPaid paid) {
        if (paid.kind() == OrderKind.TOP_UP) {
            notifications.queue(paid.customerId(), "top_up", Templates.BALANCE_TOPPED_UP,
                    Map.of("amount", paid.amount().display(),
                            "balance", balances.balance(paid.customerId(), paid.amount().currency()).display()),
                    "payment:" + paid.paymentId());
            return;
        }
        notifications.queue(paid.customerId(), "payment", Templates.PAYMENT_RECEIVED,
                Map.of("amount", paid.amount().display(), "order_id", Long.toString(paid.orderId())),
                "payment:" + paid.paymentId());
    }

    @EventListener
    void on(PaymentRefunded refunded) {
        notifications.queue(refunded.customerId(), "refund", Templates.PAYMENT_REFUNDED,
                Map.of("amount", refunded.amount().display(), "order_id", Long.toString(refunded.orderId())),
                "refund:" + refunded.refundId());
    }

    @EventListener
    void on(KeyProvisioned provisioned) {
        // The link is read when the message is sent (KeyReadyMessage): it is the panel's, set as the key went live.
        notifications.queue(provisioned.customerId(), "key_ready", Templates.KEY_READY,
                Map.of("key_number", Integer.toString(provisioned.keyNumber()),
                        "expires_at", formats.dateTime(provisioned.expiresAt()),
                        "key_id", Long.toString(provisioned.keyId())),
                "key.ready:" + provisioned.keyId());
    }

    /** Only a renewal is news to the customer here: an order's extension was announced with its payment. */
    @EventListener
    void on(KeyExtended extended) {
        if (extended.cause() != KeyExtended.Cause.RENEWAL) {
            return;
        }
        notifications.queue(extended.customerId(), "key_renewed", Templates.KEY_RENEWED,
                Map.of("key_number", Integer.toString(extended.keyNumber()),
                        "expires_at", formats.dateTime(extended.expiresAt()),
                        "amount", extended.price().display()),
                "renewed:" + extended.keyId() + ":" + extended.previousExpiry().getEpochSecond());
    }

    @EventListener
    void on(KeyExpired expired) {
        notifications.queue(expired.customerId(), "key_expired", Templates.KEY_EXPIRED,
                Map.of("key_number", Integer.toString(expired.keyNumber())),
                "expiry:" + expired.keyId() + ":" + expired.expiredAt().getEpochSecond() + ":0");
    }
}
