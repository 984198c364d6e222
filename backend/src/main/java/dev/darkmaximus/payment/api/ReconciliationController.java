package dev.darkmaximus.payment.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.payment.reconcile.Reconciliation;
import dev.darkmaximus.payment.reconcile.ReconciliationView;
import dev.darkmaximus.platform.error.InvalidInputException;

/** The daily reconciliation's results, and running a day again (admins). */
@RestController
@RequestMapping("/api/v1/admin/reconciliations")
@Validated
@Tag(name = "admin-payments")
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping
    @Operation(operationId = "listReconciliations", summary = "The daily reconciliations, newest day first",
            description = "One row per day and provider: the shop's payments compared with the provider's own list "
                    + "(YooKassa's payments, CryptoBot's invoices, Telegram's Star transactions).")
    @ApiResponse(responseCode = "200", description = "The newest rows.")
    List<ReconciliationView> list(@Parameter(description = "How many rows, 1–100.")
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return reconciliation.latest(limit);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "runReconciliation", summary = "Reconcile a day now",
            description = "Runs the daily job for `day` (the shop's time zone) with every provider set up; a day run "
                    + "again replaces its rows and credits nothing twice.")
    @ApiResponse(responseCode = "200", description = "The day's rows, one per provider.")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    List<ReconciliationView> run(@Parameter(description = "The day, ISO-8601 (2026-12-05); yesterday or earlier.",
            example = "2026-12-05") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        if (!day.isBefore(reconciliation.today())) {
            throw InvalidInputException.field("day", "day_not_over", "only a day that is over can be reconciled");
        }
        return reconciliation.run(day);
    }
}
