package dev.darkmaximus.payment.transfer;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Payment by bank transfer (issue 21): nothing to call. Starting a payment tells the admins an order awaits money;
 * the customer is shown the shop's bank details (the settings' instructions); an admin confirms the amount received
 * (BankTransfers) and only then is the order paid. Offered once instructions are set and the method switched on.
 */
@Component
class BankTransferProvider implements PaymentProvider {

    private final ShopSettings settings;
    private final AdminAlerts alerts;
    private final CustomerService customers;
    private final TransactionTemplate tx;

    BankTransferProvider(ShopSettings settings, AdminAlerts alerts, CustomerService customers,
                         TransactionTemplate tx) {
        this.settings = settings;
        this.alerts = alerts;
        this.customers = customers;
        this.tx = tx;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.BANK_TRANSFER;
    }

    @Override
    public boolean configured() {
        return !settings.transferInstructions().isBlank();
    }

    @Override
    public StartedPayment start(OrderView order, PaymentView payment) {
        tx.executeWithoutResult(status -> alerts.queue(AlertTemplates.TRANSFER_AWAITED, Map.of(
                "order_id", Long.toString(order.id()),
                "customer_number", Long.toString(customers.get(order.customerId()).number()),
                "amount", Money.of(payment.amountMinor(), payment.currency()).display()),
                "transfer:" + payment.id()));
        return new StartedPayment(null, null, null);
    }

    @Override
    public Optional<ProviderPayment> fetch(String providerPaymentId) {
        return Optional.empty(); // nobody to ask: an admin confirms
    }

    @Override
    public ProviderRefund refund(PaymentView payment, long amountMinor, long refundId, Long payerTelegramId) {
        throw new ProviderException("a bank transfer is refunded to the balance (or sent back by hand)", false);
    }
}
