package dev.darkmaximus.billing.api;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerLine;
import dev.darkmaximus.billing.ReferralService;
import dev.darkmaximus.billing.WithdrawalView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.money.Money;
import dev.darkmaximus.platform.web.Caller;

@RestController
@Validated
@Tag(name = "admin-money")
class CustomerMoneyAdminController {

    private final BalanceService balances;
    private final ReferralService referrals;
    private final CustomerService customers;

    CustomerMoneyAdminController(BalanceService balances, ReferralService referrals, CustomerService customers) {
        this.balances = balances;
        this.referrals = referrals;
        this.customers = customers;
    }

    @GetMapping("/api/v1/admin/customers/{id}/ledger")
    @Operation(operationId = "getCustomerLedger", summary = "A customer's balances and statement, newest first")
    @ApiResponse(responseCode = "200", description = "Balances and statement lines.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    CustomerLedger ledger(@PathVariable long id,
                          @Parameter(description = "Cursor: the id of the last line of the previous page.")
                          @RequestParam(required = false) Long before,
                          @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "50")
                          @Min(1) @Max(100) int limit) {
        customers.get(id);
        return new CustomerLedger(balances.balance(id, Currency.RUB).amount(),
                balances.referralBalance(id, Currency.RUB).amount(), balances.statement(id, before, limit));
    }

    @PostMapping("/api/v1/admin/customers/{id}/balance-adjustments")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "adjustBalance", summary = "Correct a customer's balance with a reason",
            description = "Signed kopecks; a debit can't take the balance below zero (409 `insufficient_balance`). "
                    + "Audited.")
    @ApiResponse(responseCode = "200", description = "The ledger line written.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    LedgerLine adjust(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody AdjustmentBody body) {
        customers.get(id);
        return balances.adjust(id, Money.of(body.amountMinor(), Currency.RUB), body.reason(), jwt.getSubject());
    }

    @GetMapping("/api/v1/admin/withdrawals")
    @Operation(operationId = "listWithdrawals", summary = "Referral withdrawal requests, newest first",
            description = "Operators see payout details masked to their last four characters; admins see them whole.")
    @ApiResponse(responseCode = "200", description = "The requests.")
    List<WithdrawalView> withdrawals(@Parameter(description = "requested, approved or declined.")
                                     @RequestParam(required = false) String status,
                                     @Parameter(description = "At most this many, 1–200.")
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                                     Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return referrals.withdrawals(status, limit, admin);
    }

    @PostMapping("/api/v1/admin/withdrawals/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "approveWithdrawal", summary = "Approve a withdrawal (pay it out by hand)",
            description = "Debits the referral account; 409 `insufficient_referral_balance`, `withdrawal_decided`. "
                    + "The customer is told. Audited.")
    @ApiResponse(responseCode = "200", description = "The request.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    WithdrawalView approve(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return referrals.approve(id, Caller.staffId(jwt));
    }

    @PostMapping("/api/v1/admin/withdrawals/{id}/decline")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "declineWithdrawal", summary = "Decline a withdrawal with a reason the customer sees")
    @ApiResponse(responseCode = "200", description = "The request.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    WithdrawalView decline(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody DeclineBody body) {
        return referrals.decline(id, body.reason(), Caller.staffId(jwt));
    }

    @Schema(name = "CustomerLedger")
    record CustomerLedger(long mainMinor, long referralMinor, List<LedgerLine> lines) {
    }

    @Schema(name = "BalanceAdjustment", description = "Signed kopecks: positive credits, negative debits.")
    record AdjustmentBody(@NotNull @Schema(example = "-5000") Long amountMinor,
                          @NotBlank @Size(max = 500) @Schema(example = "Compensation for the outage") String reason) {
    }

    @Schema(name = "DeclineRequest")
    record DeclineBody(@NotBlank @Size(max = 500) @Schema(example = "Card details are incomplete") String reason) {
    }
}
