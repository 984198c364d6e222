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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.billing.BalanceService;
import dev.darkmaximus.billing.LedgerLine;
import dev.darkmaximus.billing.ReferralInfo;
import dev.darkmaximus.billing.ReferralService;
import dev.darkmaximus.billing.WithdrawalView;
import dev.darkmaximus.platform.money.Currency;
import dev.darkmaximus.platform.web.Caller;

@RestController
@RequestMapping("/api/v1/me")
@Validated
@Tag(name = "me-money")
class MyMoneyController {

    private final BalanceService balances;
    private final ReferralService referrals;

    MyMoneyController(BalanceService balances, ReferralService referrals) {
        this.balances = balances;
        this.referrals = referrals;
    }

    @GetMapping("/balance")
    @Operation(operationId = "getMyBalance", summary = "My spendable balance and referral earnings (kopecks)")
    @ApiResponse(responseCode = "200", description = "The balances.")
    BalanceResponse balance(@AuthenticationPrincipal Jwt jwt) {
        long id = Caller.customerId(jwt);
        return new BalanceResponse(balances.balance(id, Currency.RUB).amount(),
                balances.referralBalance(id, Currency.RUB).amount(), Currency.RUB);
    }

    @GetMapping("/ledger")
    @Operation(operationId = "getMyLedger", summary = "My statement, newest first")
    @ApiResponse(responseCode = "200", description = "Statement lines.")
    List<LedgerLine> ledger(@AuthenticationPrincipal Jwt jwt,
                            @Parameter(description = "Cursor: the id of the last line of the previous page.")
                            @RequestParam(required = false) Long before,
                            @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "50")
                            @Min(1) @Max(100) int limit) {
        return balances.statement(Caller.customerId(jwt), before, limit);
    }

    @GetMapping("/referral")
    @Operation(operationId = "getMyReferral", summary = "My referral link, invitees and earnings")
    @ApiResponse(responseCode = "200", description = "Referral programme state.")
    ReferralInfo referral(@AuthenticationPrincipal Jwt jwt) {
        return referrals.info(Caller.customerId(jwt));
    }

    @PostMapping("/referral/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "requestWithdrawal", summary = "Ask to pay out referral earnings",
            description = "Checked against the minimum and the referral balance; an admin approves or declines it. "
                    + "409 `withdrawal_pending` while another request waits.")
    @ApiResponse(responseCode = "201", description = "The request.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    WithdrawalView withdraw(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody WithdrawalBody body) {
        return referrals.requestWithdrawal(Caller.customerId(jwt), body.amountMinor(), body.method(),
                body.details());
    }

    @PostMapping("/referral/transfer")
    @Operation(operationId = "transferReferralEarnings", summary = "Move referral earnings to my balance",
            description = "Only when the shop allows it (409 `transfer_not_allowed`).")
    @ApiResponse(responseCode = "200", description = "The balances after the move.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    BalanceResponse transfer(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TransferBody body) {
        long id = Caller.customerId(jwt);
        referrals.transferToBalance(id, body.amountMinor());
        return balance(jwt);
    }

    @Schema(name = "Balance", description = "Spendable balance and referral earnings in minor units.")
    record BalanceResponse(@Schema(example = "25000") long mainMinor, @Schema(example = "1990") long referralMinor,
                           @Schema(example = "RUB") Currency currency) {
    }

    @Schema(name = "WithdrawalRequest")
    record WithdrawalBody(@NotNull @Positive @Schema(example = "15000") Long amountMinor,
                          @NotBlank @Schema(description = "card, phone or other", example = "card") String method,
                          @NotBlank @Size(max = 500) @Schema(example = "2200 0000 0000 0000, Ivan I.") String details) {
    }

    @Schema(name = "TransferRequest")
    record TransferBody(@NotNull @Positive @Schema(example = "1990") Long amountMinor) {
    }
}
