package dev.darkmaximus.payment.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.transfer.BankTransfers;
import dev.darkmaximus.platform.web.Caller;

/** An admin's word on a bank transfer: the money arrived, or it won't. */
@RestController
@Tag(name = "admin-payments")
class BankTransferAdminController {

    private final BankTransfers transfers;

    BankTransferAdminController(BankTransfers transfers) {
        this.transfers = transfers;
    }

    @Schema(name = "TransferReceivedRequest")
    record Received(@NotNull @Positive @Schema(description = "What arrived, in kopecks: must be the order's amount.",
                            example = "19900") Long amountMinor,
                    @NotBlank @Size(max = 128) @Schema(description = "The bank's reference of the transfer.",
                            example = "ПП 1234 от 05.12.2026") String reference) {
    }

    @Schema(name = "TransferDeclinedRequest")
    record Declined(@NotBlank @Size(max = 500) @Schema(example = "The customer paid another way.") String reason) {
    }

    @PostMapping("/api/v1/admin/payments/{id}/transfer-received")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "confirmTransferReceived", summary = "Confirm a bank transfer arrived",
            description = "Pays the order as any provider's success would (the key is made or extended, the "
                    + "customer told), even after the order expired. The amount must be the order's: 400 "
                    + "`amount_mismatch` otherwise. 409 `already_confirmed`, `not_a_transfer`. Audited.")
    @ApiResponse(responseCode = "200", description = "The payment afterwards.")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    PaymentView received(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody Received body) {
        return transfers.received(id, body.amountMinor(), body.reference(), Caller.staffId(jwt));
    }

    @PostMapping("/api/v1/admin/payments/{id}/transfer-declined")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "declineTransfer", summary = "Give up waiting for a bank transfer",
            description = "Cancels the payment still awaited. 409 `not_pending`, `not_a_transfer`. Audited.")
    @ApiResponse(responseCode = "200", description = "The payment afterwards.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    PaymentView declined(@PathVariable long id, @Valid @RequestBody Declined body) {
        return transfers.declined(id, body.reason());
    }
}
