package dev.darkmaximus.billing;

import java.util.List;

import dev.darkmaximus.platform.money.Currency;

/** How a customer pays; each external method is a provider behind the payment port. */
public enum PaymentMethod {
    YOOKASSA, STARS, BALANCE, CRYPTOBOT, BANK_TRANSFER;

    /** The methods customers are offered, in display order. */
    public static final List<PaymentMethod> OFFERED = List.of(YOOKASSA, STARS, CRYPTOBOT, BANK_TRANSFER, BALANCE);
    /** The balance is topped up by card only: Stars can't be turned into roubles, and the balance can't top itself. */
    public static final PaymentMethod TOP_UP = YOOKASSA;

    /** The currency this method charges in: Stars in XTR, everything else in roubles. */
    public Currency currency() {
        return this == STARS ? Currency.XTR : Currency.RUB;
    }
}
