package dev.darkmaximus.payment.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.platform.money.Currency;

@Schema(name = "PaymentMethodOption", description = "A way to pay and the currency it charges in.")
record PaymentMethodResponse(@Schema(example = "YOOKASSA") PaymentMethod method, @Schema(example = "RUB") Currency currency,
                             @Schema(description = "YOOKASSA, for purchases of keys: the words to show beside a "
                                     + "\"save the card for auto-renewal\" choice, in the customer's language; null "
                                     + "for other methods and for top-ups.") String saveCardConsent,
                             @Schema(description = "BANK_TRANSFER: the shop's bank details and what to do, to show "
                                     + "with the order's number and amount once it is created; null for other "
                                     + "methods.") String instructions) {

    static PaymentMethodResponse of(PaymentMethod method) {
        return of(method, null, null);
    }

    static PaymentMethodResponse of(PaymentMethod method, String consent, String transferInstructions) {
        return new PaymentMethodResponse(method, method.currency(), method == PaymentMethod.YOOKASSA ? consent : null,
                method == PaymentMethod.BANK_TRANSFER ? transferInstructions : null);
    }
}
