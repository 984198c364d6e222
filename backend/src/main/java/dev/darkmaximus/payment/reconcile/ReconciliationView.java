package dev.darkmaximus.payment.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import dev.darkmaximus.billing.PaymentMethod;

/** One day compared with one provider's own list of payments. */
@Schema(name = "Reconciliation", description = "One day of the shop's payments compared with one provider's own "
        + "list: MATCHED (nothing to do), REPAIRED (payments the shop had missed were credited through the verified "
        + "path), DIFFERENCES (something needs an admin), FAILED (the provider couldn't be asked; `error` says why).")
public record ReconciliationView(
        @NotNull LocalDate day,
        @NotNull PaymentMethod provider,
        @NotNull Status status,
        @Schema(description = "Payments the provider listed for the day.") int providerCount,
        @Schema(description = "Payments the shop had as paid for the day before repairs.") int shopCount,
        @Schema(description = "Payments credited now, their notification having never arrived.") int repaired,
        List<Difference> differences,
        @Schema(nullable = true) String error,
        @NotNull Instant ranAt) {

    public enum Status { MATCHED, REPAIRED, DIFFERENCES, FAILED }

    /**
     * One thing that doesn't match. {@code PROVIDER_ONLY}: money the provider received for no payment of ours;
     * {@code SHOP_ONLY}: a payment the shop counts as paid that the provider doesn't list; {@code NOT_APPLIED}: the
     * provider's record names our payment but couldn't be applied (another amount, another attempt).
     */
    @Schema(name = "ReconciliationDifference")
    public record Difference(
            @NotNull Kind kind,
            @Schema(nullable = true) String providerPaymentId,
            @Schema(nullable = true) Long paymentId,
            @Schema(nullable = true) Long orderId,
            long amountMinor,
            @Schema(nullable = true) String currency,
            @NotNull String detail) {
    }

    public enum Kind { PROVIDER_ONLY, SHOP_ONLY, NOT_APPLIED }
}
