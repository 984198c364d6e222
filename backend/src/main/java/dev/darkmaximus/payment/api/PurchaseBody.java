package dev.darkmaximus.payment.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PurchaseRequest;

@Schema(name = "PurchaseRequest", description = "What to buy and how to pay: NEW_KEY needs planId, EXTEND_KEY keyId, "
        + "TOP_UP amountMinor (kopecks, paid by YOOKASSA).")
record PurchaseBody(
        @NotNull @Schema(example = "NEW_KEY") OrderKind kind,
        @Positive @Schema(example = "3") Long planId,
        @Positive @Schema(example = "12") Long keyId,
        @Positive @Schema(example = "50000") Long amountMinor,
        @NotNull @Schema(example = "YOOKASSA") PaymentMethod method,
        @Size(max = 64) @Schema(example = "SPRING25") String promoCode,
        @Schema(description = "YOOKASSA only, not for top-ups: the customer agreed to save the card for "
                + "auto-renewal, having been shown the consent text of `GET /api/v1/me/payment-methods` "
                + "(`saveCardConsent`). Recorded with the order; the card is kept once YooKassa saved it.")
        Boolean saveCard) {

    boolean savingCard() {
        return Boolean.TRUE.equals(saveCard);
    }

    PurchaseRequest toRequest() {
        return new PurchaseRequest(kind, planId, keyId, amountMinor, method, promoCode);
    }
}
