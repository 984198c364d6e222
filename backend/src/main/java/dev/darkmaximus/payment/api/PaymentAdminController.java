package dev.darkmaximus.payment.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.OrderService;
import dev.darkmaximus.billing.OrderView;
import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentStatus;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.billing.RefundKeyAction;
import dev.darkmaximus.billing.RefundView;
import dev.darkmaximus.billing.Refunds;
import dev.darkmaximus.billing.TransactionRow;
import dev.darkmaximus.payment.PaymentChecks;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.RefundService;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/admin/payments")
@Validated
@Tag(name = "admin-payments")
class PaymentAdminController {

    private final PaymentService payments;
    private final OrderService orders;
    private final Refunds refunds;
    private final RefundService refundService;
    private final PaymentChecks checks;

    PaymentAdminController(PaymentService payments, OrderService orders, Refunds refunds, RefundService refundService,
                           PaymentChecks checks) {
        this.payments = payments;
        this.orders = orders;
        this.refunds = refunds;
        this.refundService = refundService;
        this.checks = checks;
    }

    @GetMapping
    @Operation(operationId = "listPayments", summary = "Transactions: payments with filters, newest first")
    @ApiResponse(responseCode = "200", description = "A page of payments.")
    TransactionPage list(
            @Parameter(description = "Only this status.", example = "SUCCEEDED") @RequestParam(required = false) PaymentStatus status,
            @Parameter(description = "Only this provider.", example = "YOOKASSA") @RequestParam(required = false) PaymentMethod provider,
            @Parameter(description = "Only this customer's.", example = "17") @RequestParam(required = false) Long customerId,
            @Parameter(description = "Created at or after (ISO-8601).") @RequestParam(required = false) Instant from,
            @Parameter(description = "Created before (ISO-8601).") @RequestParam(required = false) Instant to,
            @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor: the last payment id of the previous page.")
            @RequestParam(required = false) Long startingAfter,
            @Parameter(description = "Order by createdAt, amount, status, provider or customer; - for descending. "
                    + "With a sort, pages go by offset instead of the cursor.", example = "-amount")
            @RequestParam(required = false) @Size(max = 32) String sort,
            @Parameter(description = "With sort: how many rows to skip.") @RequestParam(defaultValue = "0") @Min(0)
            @Max(100_000) int offset) {
        List<TransactionRow> rows = sort == null || sort.isBlank()
                ? payments.search(status, provider, customerId, from, to, startingAfter, limit + 1)
                : payments.search(status, provider, customerId, from, to, sort, offset, limit + 1);
        return new TransactionPage(rows.stream().limit(limit).toList(), rows.size() > limit);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPayment", summary = "A payment with its order, status history and refunds")
    @ApiResponse(responseCode = "200", description = "The payment.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PaymentDetail get(@PathVariable long id) {
        PaymentView payment = payments.get(id);
        return new PaymentDetail(payment, orders.get(payment.orderId()), payments.history(id), refunds.ofPayment(id),
                refunds.options(id));
    }

    @PostMapping("/{id}/recheck")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "recheckPayment", summary = "Ask the provider about a payment now",
            description = "Applies the provider's answer exactly as a notification would. 502 `provider_unavailable`.")
    @ApiResponse(responseCode = "200", description = "The payment afterwards.")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    PaymentDetail recheck(@PathVariable long id) {
        try {
            checks.recheck(payments.get(id), "admin");
        } catch (ProviderException e) {
            throw e.asApiError("The provider could not be asked");
        }
        return get(id);
    }

    @PostMapping("/{id}/refunds")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "refundPayment", summary = "Refund a payment, fully or partly",
            description = "To the payer through the provider (Stars: whole payments only) or to the customer's "
                    + "balance. The referrer's reward is reversed in proportion; the key is kept, shortened by the "
                    + "refunded share of its term, or revoked. Audited. 409 `not_refundable`; 502 when the provider "
                    + "refuses or can't be reached (a transient failure leaves the refund pending; retrying is safe).")
    @ApiResponse(responseCode = "200", description = "The refund and, if the key action failed, why.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    RefundOutcome refund(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody RefundBody body) {
        RefundService.Outcome outcome = refundService.refund(id, body.amountMinor(), Boolean.TRUE.equals(body.toBalance()), body.reason(),
                body.keyAction(), Caller.staffId(jwt));
        return new RefundOutcome(outcome.refund(), outcome.keyActionError());
    }

    @Schema(name = "TransactionPage")
    record TransactionPage(List<TransactionRow> data, boolean hasMore) {
    }

    @Schema(name = "PaymentDetail")
    record PaymentDetail(PaymentView payment, OrderView order, List<PaymentService.TransitionView> history,
                         List<RefundView> refunds,
                         @Schema(description = "What may be refunded now, decided by the server: how much is left "
                                 + "(0 = nothing), and whether to the payer and/or to the balance. Offer exactly "
                                 + "this; a refund outside it is refused.") Refunds.RefundOptions refundOptions) {
    }

    @Schema(name = "RefundRequest", description = "amountMinor empty = everything not yet refunded.")
    record RefundBody(@Positive @Schema(example = "19900") Long amountMinor,
                      @Schema(description = "Return the money to the customer's balance instead of the payer.",
                              example = "false") Boolean toBalance,
                      @NotBlank @Size(max = 500) @Schema(example = "Customer could not connect") String reason,
                      @Schema(example = "REVOKE") RefundKeyAction keyAction) {
    }

    @Schema(name = "RefundOutcome")
    record RefundOutcome(RefundView refund, @Schema(description = "Set when the key action failed.") String keyActionError) {
    }
}
