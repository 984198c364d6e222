package dev.darkmaximus.subscription.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.validation.Valid;

import dev.darkmaximus.subscription.KeySync;
import dev.darkmaximus.subscription.persistence.SyncReport;

@RestController
@RequestMapping("/api/v1/admin/hosts/{hostId}")
@Tag(name = "admin-hosts")
class HostSyncController {

    private final KeySync sync;

    HostSyncController(KeySync sync) {
        this.sync = sync;
    }

    @PostMapping("/sync")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "syncHost", summary = "Sync a host's keys with its panel now",
            description = "Compares every key on the host with the panel's clients, takes the panel's state where "
                    + "they drifted, flags keys missing on the panel and lists orphan clients. Deletes nothing. "
                    + "The report is stored; a panel that can't be read gives a report with outcome failed.")
    @ApiResponse(responseCode = "200", description = "The run's report.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    SyncReportResponse syncNow(@PathVariable long hostId) {
        return SyncReportResponse.from(sync.syncHost(hostId, SyncReport.Trigger.MANUAL));
    }

    @PostMapping("/orphans/delete")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteOrphanClient", summary = "Delete a panel client the shop has no key for",
            description = "For orphans listed by a sync report. Refused (409 `not_an_orphan`) for a client of a live "
                    + "key; 502 `panel_unavailable` when the panel doesn't confirm. Audited.")
    @ApiResponse(responseCode = "204", description = "Deleted (or already gone).")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    void deleteOrphan(@PathVariable long hostId, @Valid @RequestBody OrphanRequest request) {
        sync.deleteOrphan(hostId, request.email());
    }

    @GetMapping("/sync-reports")
    @Operation(operationId = "listSyncReports", summary = "A host's latest sync reports, newest first")
    @ApiResponse(responseCode = "200", description = "Reports.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    List<SyncReportResponse> reports(@PathVariable long hostId,
                                     @Parameter(description = "At most this many, 1–50.", example = "10")
                                     @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return sync.reports(hostId, limit).stream().map(SyncReportResponse::from).toList();
    }
}
