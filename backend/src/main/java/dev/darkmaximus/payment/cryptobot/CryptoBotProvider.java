package dev.darkmaximus.payment.cryptobot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.payment.ProviderTexts;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Crypto payments through CryptoBot: a fiat invoice priced in roubles that the customer pays in one of the accepted
 * coins, CryptoBot converting at its rate. The invoice carries our order and payment ids as its payload and expires
 * with the order. CryptoBot has no refunds: crypto payments are refunded to the balance only (billing.Refunds).
 */
@Component
class CryptoBotProvider implements PaymentProvider {

    /** Crypto Pay's bounds for {@code expires_in}, in seconds (1 s to 2,678,400 s = 31 days). */
    private static final long EXPIRES_MIN = 60;
    private static final long EXPIRES_MAX = 2_678_400;
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 200;
    private static final Pattern PAYLOAD = Pattern.compile("order:([0-9]{1,18});payment:([0-9]{1,18})");

    private final CryptoBotClient client;
    private final CryptoBotAccount account;
    private final ShopSettings settings;
    private final Clock clock;

    CryptoBotProvider(CryptoBotClient client, CryptoBotAccount account, ShopSettings settings, Clock clock) {
        this.client = client;
        this.account = account;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CRYPTOBOT;
    }

    @Override
    public boolean configured() {
        return account.configured();
    }

    @Override
    public StartedPayment start(OrderView order, PaymentView payment) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("currency_type", "fiat");
        params.put("fiat", "RUB");
        params.put("amount", ProviderTexts.decimal(payment.amountMinor()));
        params.put("accepted_assets", String.join(",", settings.cryptoBotAssets()));
        params.put("description", ProviderTexts.description(order));
        params.put("payload", payload(order.id(), payment.id()));
        params.put("expires_in", expiresIn(order));
        params.put("allow_comments", false);
        params.put("allow_anonymous", false);
        if (!settings.botUsername().isBlank()) {
            // After paying, CryptoBot shows a button back to the shop's bot.
            params.put("paid_btn_name", "callback");
            params.put("paid_btn_url", "https://t.me/" + settings.botUsername());
        }
        JsonNode invoice = client.createInvoice(params);
        long invoiceId = invoice.path("invoice_id").asLong(0);
        if (invoiceId <= 0) {
            throw new ProviderException("CryptoBot created an invoice without an id", false);
        }
        return new StartedPayment(Long.toString(invoiceId), payUrl(invoice), invoice.toString());
    }

    @Override
    public Optional<ProviderPayment> fetch(String providerPaymentId) {
        if (!providerPaymentId.matches("[0-9]{1,18}")) {
            throw new ProviderException("not a CryptoBot invoice id: " + providerPaymentId, false);
        }
        List<JsonNode> found = client.invoices(List.of(Long.valueOf(providerPaymentId)));
        return found.stream().filter(i -> providerPaymentId.equals(i.path("invoice_id").asString("")))
                .findFirst().map(CryptoBotProvider::payment);
    }

    /**
     * Every paid invoice of the app whose {@code paid_at} falls within [from, to). Crypto Pay filters by status but
     * not by date, so paid invoices are read a page of 1,000 at a time to the end (at most {@link #MAX_PAGES}).
     */
    @Override
    public Optional<List<Receipt>> received(Instant from, Instant to) {
        List<Receipt> receipts = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<JsonNode> invoices = client.invoicePage("paid", page * PAGE, PAGE);
            for (JsonNode invoice : invoices) {
                Instant paidAt = instant(invoice.path("paid_at").asString(""));
                if (paidAt != null && !paidAt.isBefore(from) && paidAt.isBefore(to)) {
                    ProviderPayment p = payment(invoice);
                    receipts.add(new Receipt(p.id(), p.amountMinor(), p.currency(),
                            p.orderId() != null && p.orderId() < 0 ? null : p.orderId(),
                            paymentIdOf(invoice).orElse(null), null, invoice.path("payload").asString(null),
                            invoice.toString()));
                }
            }
            if (invoices.size() < PAGE) {
                return Optional.of(receipts);
            }
        }
        throw new ProviderException("CryptoBot lists more than " + MAX_PAGES * PAGE + " paid invoices", false);
    }

    private static Instant instant(String iso) {
        try {
            return iso.isBlank() ? null : Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    @Override
    public ProviderRefund refund(PaymentView payment, long amountMinor, long refundId, Long payerTelegramId) {
        // Refunds.options never offers it; kept refused here too, should anything ask.
        throw new ProviderException("CryptoBot has no refunds: refund crypto payments to the balance", false);
    }

    /** An invoice as a payment of ours: a fiat invoice's {@code amount} is in its {@code fiat}, here roubles. */
    static ProviderPayment payment(JsonNode invoice) {
        PaymentStatus status = switch (invoice.path("status").asString("")) {
            case "active" -> PaymentStatus.PENDING;
            case "paid" -> PaymentStatus.SUCCEEDED;
            case "expired" -> PaymentStatus.EXPIRED;
            default -> throw new ProviderException("unknown CryptoBot invoice status " + invoice.path("status"),
                    false);
        };
        boolean roubles = "fiat".equals(invoice.path("currency_type").asString(""))
                && "RUB".equals(invoice.path("fiat").asString(""));
        Matcher ids = PAYLOAD.matcher(invoice.path("payload").asString(""));
        // An amount, currency or order we can't read is a mismatch like any other (nothing applied), not an error.
        return new ProviderPayment(invoice.path("invoice_id").asString(), status,
                roubles ? ProviderTexts.minorOrUnknown(invoice.path("amount").asString("")) : -1,
                // An invoice without our payload isn't ours: -1 matches no order (null would mean "not carried").
                roubles ? Currency.RUB : null, ids.matches() ? Long.valueOf(ids.group(1)) : -1L, invoice.toString());
    }

    /** Our payment id named in an invoice's payload, if it is one of ours. */
    static Optional<Long> paymentIdOf(JsonNode invoice) {
        Matcher ids = PAYLOAD.matcher(invoice.path("payload").asString(""));
        return ids.matches() ? Optional.of(Long.valueOf(ids.group(2))) : Optional.empty();
    }

    static String payload(long orderId, long paymentId) {
        return "order:" + orderId + ";payment:" + paymentId;
    }

    /** Where the customer pays: the invoice in CryptoBot's chat (a t.me link; {@code pay_url} in older answers). */
    private static String payUrl(JsonNode invoice) {
        String url = invoice.path("bot_invoice_url").asString("");
        return url.isBlank() ? invoice.path("pay_url").asString(null) : url;
    }

    private long expiresIn(OrderView order) {
        long left = order.expiresAt() == null ? settings.orderExpiry().toSeconds()
                : Duration.between(clock.instant(), order.expiresAt()).toSeconds();
        return Math.clamp(left, EXPIRES_MIN, EXPIRES_MAX);
    }


}
