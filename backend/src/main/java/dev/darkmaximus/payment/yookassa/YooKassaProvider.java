package dev.darkmaximus.payment.yookassa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.payment.ProviderTexts;
import dev.darkmaximus.payment.cards.SavedCards;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.settings.ShopSettings;

/** Card/SBP payments through YooKassa with redirect confirmation and optional 54-FZ receipt data. */
@Component
@EnableConfigurationProperties(YooKassaProperties.class)
class YooKassaProvider implements PaymentProvider {

    private final YooKassaClient client;
    private final YooKassaAccount account;
    private final YooKassaProperties properties;
    private final CustomerService customers;
    private final ShopSettings settings;
    private final SavedCards cards;

    YooKassaProvider(YooKassaClient client, YooKassaAccount account, YooKassaProperties properties,
                     CustomerService customers, ShopSettings settings, SavedCards cards) {
        this.cards = cards;
        this.client = client;
        this.account = account;
        this.properties = properties;
        this.customers = customers;
        this.settings = settings;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.YOOKASSA;
    }

    @Override
    public boolean configured() {
        return account.configured();
    }

    @Override
    public StartedPayment start(OrderView order, PaymentView payment) {
        Map<String, Object> amount = Map.of("value", YooKassaClient.amount(payment.amountMinor()), "currency", "RUB");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("capture", true);
        body.put("confirmation", Map.of("type", "redirect", "return_url", properties.returnUrl()));
        body.put("description", ProviderTexts.description(order));
        body.put("metadata", Map.of("order_id", Long.toString(order.id()), "payment_id", Long.toString(payment.id())));
        if (settings.receipts()) {
            body.put("receipt", receipt(order, amount));
        }
        if (cards.consented(order.id())) {
            // The customer agreed at checkout (card_consents): YooKassa keeps the card for auto-renewal.
            body.put("save_payment_method", true);
        }
        // The key is our payment's id: a retry after a timeout gets the same YooKassa payment, never a second one.
        JsonNode created = client.createPayment("dm-payment-" + payment.id(), body);
        return new StartedPayment(created.path("id").asString(),
                created.path("confirmation").path("confirmation_url").asString(null), created.toString());
    }

    /** An autopayment: the saved method, captured at once, no confirmation (the customer isn't there). */
    @Override
    public StartedPayment chargeSaved(OrderView order, PaymentView payment, String methodId, String idempotenceKey) {
        Map<String, Object> amount = Map.of("value", YooKassaClient.amount(payment.amountMinor()), "currency", "RUB");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("capture", true);
        body.put("payment_method_id", methodId);
        body.put("description", ProviderTexts.description(order) + " (auto-renewal)");
        body.put("metadata", Map.of("order_id", Long.toString(order.id()), "payment_id", Long.toString(payment.id())));
        if (settings.receipts()) {
            body.put("receipt", receipt(order, amount));
        }
        JsonNode created = client.createPayment(idempotenceKey, body);
        return new StartedPayment(created.path("id").asString(), null, created.toString());
    }

    @Override
    public Optional<ProviderPayment> fetch(String providerPaymentId) {
        JsonNode p = client.getPayment(providerPaymentId);
        String orderId = p.path("metadata").path("order_id").asString(null);
        // An amount, currency or order we can't read is a mismatch like any other (nothing applied), not an error.
        return Optional.of(new ProviderPayment(p.path("id").asString(), status(p),
                YooKassaClient.kopecksOrUnknown(p.path("amount").path("value").asString("")),
                Currency.parse(p.path("amount").path("currency").asString("")).orElse(null),
                orderId == null || !orderId.matches("[0-9]{1,18}") ? null : Long.valueOf(orderId), p.toString()));
    }

    /** Every payment YooKassa captured within [from, to), read page by page (100 each) with its cursor. */
    @Override
    public Optional<List<Receipt>> received(Instant from, Instant to) {
        List<Receipt> receipts = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = client.succeededPayments(from, to, cursor);
            for (JsonNode p : page.path("items")) {
                String orderId = p.path("metadata").path("order_id").asString("");
                String paymentId = p.path("metadata").path("payment_id").asString("");
                receipts.add(new Receipt(p.path("id").asString(),
                        YooKassaClient.kopecksOrUnknown(p.path("amount").path("value").asString("")),
                        Currency.parse(p.path("amount").path("currency").asString("")).orElse(null),
                        orderId.matches("[0-9]{1,18}") ? Long.valueOf(orderId) : null,
                        paymentId.matches("[0-9]{1,18}") ? Long.valueOf(paymentId) : null, null, null, p.toString()));
            }
            cursor = page.path("next_cursor").asString("");
        } while (!cursor.isBlank());
        return Optional.of(receipts);
    }

    @Override
    public ProviderRefund refund(PaymentView payment, long amountMinor, long refundId, Long payerTelegramId) {
        return refundOf(client.createRefund("dm-refund-" + refundId, Map.of(
                "payment_id", payment.providerPaymentId(),
                "amount", Map.of("value", YooKassaClient.amount(amountMinor), "currency", "RUB"))));
    }

    @Override
    public Optional<ProviderRefund> fetchRefund(String providerRefundId) {
        return Optional.of(refundOf(client.getRefund(providerRefundId)));
    }

    /** A YooKassa refund object: succeeded, canceled (with its reason) or still pending. */
    private static ProviderRefund refundOf(JsonNode refund) {
        String status = switch (refund.path("status").asString("")) {
            case "succeeded" -> "SUCCEEDED";
            case "canceled" -> "FAILED";
            default -> "PENDING";
        };
        return new ProviderRefund(refund.path("id").asString(null), status,
                refund.path("cancellation_details").path("reason").asString(null));
    }

    private static PaymentStatus status(JsonNode payment) {
        return switch (payment.path("status").asString("")) {
            case "pending" -> PaymentStatus.PENDING;
            case "waiting_for_capture" -> PaymentStatus.WAITING_FOR_CAPTURE;
            case "succeeded" -> payment.path("paid").asBoolean(false) ? PaymentStatus.SUCCEEDED : PaymentStatus.PENDING;
            case "canceled" -> PaymentStatus.CANCELED;
            default -> throw new ProviderException("unknown YooKassa status " + payment.path("status"), false);
        };
    }


    private Map<String, Object> receipt(OrderView order, Map<String, Object> amount) {
        CustomerView customer = customers.get(order.customerId());
        Map<String, Object> contact = customer.email() != null ? Map.of("email", customer.email())
                : customer.phone() != null ? Map.of("phone", customer.phone())
                : Map.of("email", settings.receiptEmail());
        return Map.of("customer", contact, "items", List.of(Map.of(
                "description", ProviderTexts.description(order),
                "quantity", "1.00",
                "amount", amount,
                "vat_code", settings.receiptVatCode(),
                "payment_mode", order.kind() == OrderKind.TOP_UP ? "full_prepayment" : "full_payment",
                "payment_subject", order.kind() == OrderKind.TOP_UP ? "payment" : "service")));
    }
}
