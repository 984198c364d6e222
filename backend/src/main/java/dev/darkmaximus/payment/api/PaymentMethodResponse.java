package dev.darkmaximus.payment.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.platform.money.Currency;

@Schema(name = "PaymentMethodOption", description = "A way to pay and the currency it charges in.")
record PaymentMethodResponse(@Schema(example = "YOOKASSA") PaymentMethod method, @Schema(example = "RUB") Currency currency) {

    static PaymentMethodResponse of(PaymentMethod method) {
        return new PaymentMethodResponse(method, method.currency());
    }
}
