package dev.darkmaximus.payment.stars;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.payment.ProviderTexts;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Telegram Stars (XTR): an invoice link whose payload names our order and payment; Telegram reports the outcome
 * through the bot's updates ({@link StarsPayments}), so there is nothing to poll.
 */
@Component
class StarsProvider implements PaymentProvider {

    private static final int PAGE = 100;

    private final TelegramBotApi telegram;

    StarsProvider(TelegramBotApi telegram) {
        this.telegram = telegram;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.STARS;
    }

    @Override
    public boolean configured() {
        return telegram.configured();
    }

    @Override
    public StartedPayment start(OrderView order, PaymentView payment) {
        String title = ProviderTexts.title(order.kind());
        try {
            String link = telegram.createStarsInvoiceLink(title, title + ", order #" + order.id(),
                    StarsPayload.of(order.id(), payment.id()), payment.amountMinor());
            return new StartedPayment(null, link, null);
        } catch (TelegramBotApi.RetryLater e) {
            throw new ProviderException("Telegram: " + e.getMessage(), true);
        } catch (TelegramBotApi.Refused | TelegramBotApi.Blocked e) {
            throw new ProviderException("Telegram: " + e.getMessage(), false);
        }
    }

    @Override
    public Optional<ProviderPayment> fetch(String providerPaymentId) {
        return Optional.empty();
    }

    /**
     * The bot's incoming invoice payments dated within [from, to), from Telegram's own list. The list runs oldest
     * first with no date filter, so the first transaction of the window is found by galloping and then bisecting on
     * the offset (one transaction per probe), and the window read from there a page of 100 at a time.
     */
    @Override
    public Optional<List<Receipt>> received(Instant from, Instant to) {
        try {
            List<Receipt> receipts = new ArrayList<>();
            for (int offset = firstAtOrAfter(from.getEpochSecond()); ; offset += PAGE) {
                List<JsonNode> page = telegram.starTransactions(offset, PAGE);
                for (JsonNode t : page) {
                    long date = t.path("date").asLong();
                    if (date >= to.getEpochSecond()) {
                        return Optional.of(receipts);
                    }
                    JsonNode source = t.path("source");
                    if (date >= from.getEpochSecond() && "user".equals(source.path("type").asString(""))
                            && source.path("invoice_payload").isString()) {
                        // An incoming payment: its id is the charge id of the successful_payment we should have had.
                        String payload = source.path("invoice_payload").asString();
                        Optional<StarsPayload> ids = StarsPayload.parse(payload);
                        receipts.add(new Receipt(t.path("id").asString(), t.path("amount").asLong(), Currency.XTR,
                                ids.map(StarsPayload::orderId).orElse(null),
                                ids.map(StarsPayload::paymentId).orElse(null),
                                source.path("user").path("id").isIntegralNumber()
                                        ? source.path("user").path("id").asLong() : null,
                                payload, t.toString()));
                    }
                }
                if (page.size() < PAGE) {
                    return Optional.of(receipts);
                }
            }
        } catch (TelegramBotApi.RetryLater e) {
            throw new ProviderException("Telegram: " + e.getMessage(), true);
        } catch (TelegramBotApi.Refused | TelegramBotApi.Blocked e) {
            throw new ProviderException("Telegram: " + e.getMessage(), false);
        }
    }

    /** The offset of the first transaction dated at or after {@code epochSecond} (the count of all when none). */
    private int firstAtOrAfter(long epochSecond) {
        return firstNotBefore(offset -> before(offset, epochSecond));
    }

    /**
     * The first offset for which {@code before} is false, in a list where it is true for a prefix only (oldest first;
     * past the end counts as false): gallop 0, 1, 3, 7, … until a probe is not before, then bisect in between.
     */
    static int firstNotBefore(IntPredicate before) {
        int low = 0;
        int high = 1;
        while (before.test(high - 1)) {
            low = high;
            high *= 2;
        }
        // The answer is in [low, high - 1]: offset low - 1 is before (or low is 0), offset high - 1 is not.
        int lo = low;
        int hi = high - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before.test(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Whether the transaction at {@code offset} exists and is dated before {@code epochSecond}. */
    private boolean before(int offset, long epochSecond) {
        List<JsonNode> one = telegram.starTransactions(offset, 1);
        return !one.isEmpty() && one.getFirst().path("date").asLong() < epochSecond;
    }

    @Override
    public ProviderRefund refund(PaymentView payment, long amountMinor, long refundId, Long payerTelegramId) {
        if (amountMinor != payment.amountMinor() - payment.refundedMinor() || payment.refundedMinor() != 0) {
            throw new ProviderException("Stars payments are refunded whole", false);
        }
        try {
            telegram.refundStarPayment(payerTelegramId, payment.providerPaymentId());
            return new ProviderRefund(payment.providerPaymentId(), "SUCCEEDED", null);
        } catch (TelegramBotApi.RetryLater e) {
            throw new ProviderException("Telegram: " + e.getMessage(), true);
        } catch (TelegramBotApi.Refused | TelegramBotApi.Blocked e) {
            // Telegram answers CHARGE_ALREADY_REFUNDED for a repeat: the money is back with the payer either way.
            if (e.getMessage() != null && e.getMessage().contains("CHARGE_ALREADY_REFUNDED")) {
                return new ProviderRefund(payment.providerPaymentId(), "SUCCEEDED", "already refunded");
            }
            throw new ProviderException("Telegram: " + e.getMessage(), false);
        }
    }
}
