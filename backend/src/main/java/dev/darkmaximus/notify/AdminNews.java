package dev.darkmaximus.notify;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.OrderPaid;
import dev.darkmaximus.billing.PaymentCreditedToBalance;
import dev.darkmaximus.billing.PaymentRefunded;
import dev.darkmaximus.customer.CustomerRegistered;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;

/**
 * What the shop's admin chat hears of customers and money (SPEC §8), in the publisher's transaction. The wording is
 * in {@link AlertTemplates}; each alert's dedup key makes a repeated event a no-op.
 */
@Component
class AdminNews {

    private final AdminAlerts alerts;
    private final CustomerService customers;

    AdminNews(AdminAlerts alerts, CustomerService customers) {
        this.alerts = alerts;
        this.customers = customers;
    }

    @EventListener
    void on(CustomerRegistered registered) {
        String name = registered.username() != null ? "@" + registered.username()
                : registered.firstName() != null ? registered.firstName() : "id " + registered.telegramId();
        alerts.queue(AlertTemplates.NEW_CUSTOMER, Map.of("number", Long.toString(registered.number()), "name", name,
                "via", registered.via(), "referral", registered.referrerId() == null ? ""
                        : " (referred by customer id " + registered.referrerId() + ")"),
                "customer.new:" + registered.customerId());
    }

    @EventListener
    void on(OrderPaid paid) {
        alerts.queue(AlertTemplates.PAYMENT, Map.of("amount", paid.amount().display(),
                        "provider", paid.provider().name().toLowerCase(Locale.ROOT),
                        "order_id", Long.toString(paid.orderId()),
                        "kind", paid.kind().name().toLowerCase(Locale.ROOT),
                        "customer_number", Long.toString(customers.get(paid.customerId()).number())),
                "payment:" + paid.paymentId());
    }

    @EventListener
    void on(PaymentCreditedToBalance credited) {
        Map<String, String> params = Map.of("order_id", Long.toString(credited.orderId()),
                "payment_id", Long.toString(credited.paymentId()), "amount", credited.amount().display());
        switch (credited.reason()) {
            case SECOND_PAYMENT -> alerts.queue(AlertTemplates.PAID_TWICE, params, "double:" + credited.paymentId());
            case KEY_REVOKED -> alerts.queue(AlertTemplates.PAID_FOR_REVOKED_KEY, params,
                    "revoked:" + credited.paymentId());
        }
    }

    @EventListener
    void on(PaymentRefunded refunded) {
        alerts.queue(AlertTemplates.REFUND_DONE, Map.of("amount", refunded.amount().display(),
                        "order_id", Long.toString(refunded.orderId()),
                        "payment_id", Long.toString(refunded.paymentId()),
                        "target", refunded.toBalance() ? " to the balance" : "",
                        "bonus_kept", refunded.promoBonusKept().amount() > 0
                                ? " The customer had spent " + refunded.promoBonusKept().display()
                                + " of the promo bonus; that much was not taken back." : ""),
                "refund.done:" + refunded.refundId());
    }
}
