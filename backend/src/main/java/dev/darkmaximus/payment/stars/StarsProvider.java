package dev.darkmaximus.payment.stars;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.PaymentProvider;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.platform.telegram.TelegramBotApi;

/**
 * Telegram Stars (XTR): an invoice link whose payload names our order and payment; Telegram reports the outcome
 * through the bot's updates ({@link StarsPayments}), so there is nothing to poll.
 */
@Component
class StarsProvider implements PaymentProvider {

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
        String title = switch (order.kind()) {
            case NEW_KEY -> "VPN key";
            case EXTEND_KEY -> "VPN key extension";
            case TOP_UP -> "Balance top-up";
        };
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
