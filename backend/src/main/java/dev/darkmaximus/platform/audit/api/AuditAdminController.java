package dev.darkmaximus.platform.audit.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.audit.AuditFilter;
import dev.darkmaximus.platform.audit.AuditPage;
import dev.darkmaximus.platform.audit.AuditService;

@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-audit")
class AuditAdminController {

    private final AuditService audit;

    AuditAdminController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "listAuditEntries", summary = "The audit log, newest first",
            description = "Who changed what: every staff and integrator mutation, with the object before and after "
                    + "(secrets masked). Filters combine; text filters match the start of the value.")
    @ApiResponse(responseCode = "200", description = "A page of entries.")
    AuditPage list(
            @Parameter(description = "Actor name, exact or its start.", example = "admin")
            @RequestParam(required = false) @Size(max = 100) String actor,
            @Parameter(description = "Action, exact or its start.", example = "payment.")
            @RequestParam(required = false) @Size(max = 64) String action,
            @Parameter(description = "Object type, exact.", example = "setting")
            @RequestParam(required = false) @Size(max = 32) String objectType,
            @Parameter(description = "Object id, exact.", example = "trial.days")
            @RequestParam(required = false) @Size(max = 64) String objectId,
            @Parameter(description = "Entries at or after this instant.", example = "2026-11-01T00:00:00Z")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Entries before this instant.", example = "2026-12-01T00:00:00Z")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "Page size, 1–200.", example = "50")
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @Parameter(description = "The nextCursor of the previous page.", example = "1042")
            @RequestParam(required = false) @Size(max = 20) String cursor) {
        return audit.search(new AuditFilter(actor, action, objectType, objectId, from, to), limit, cursor);
    }
}
