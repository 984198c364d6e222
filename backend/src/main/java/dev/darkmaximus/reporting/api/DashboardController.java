package dev.darkmaximus.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.reporting.Dashboard;

@RestController
@RequestMapping("/api/v1/admin/dashboard")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-dashboard")
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping
    @Operation(operationId = "getDashboard", summary = "The shop's last days: revenue, payments, customers, keys, health")
    @ApiResponse(responseCode = "200", description = "One entry per day, oldest first, in the shop's time zone.")
    Dashboard.View get(@Parameter(description = "How many days back, today included (7, 30 or 90 in the UI).")
                       @RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
        return dashboard.lastDays(days);
    }
}
