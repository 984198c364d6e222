package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.catalog.PlanService;

@RestController
@RequestMapping("/api/v1/admin/plans")
@Tag(name = "admin-plans")
class PlanAdminController {

    private final PlanService plans;

    PlanAdminController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(operationId = "listPlans", summary = "All plans, optionally of one host")
    @ApiResponse(responseCode = "200", description = "The plans.")
    List<PlanResponse> list(@Parameter(description = "Only plans of this host.", example = "3")
                            @RequestParam(required = false) Long hostId) {
        return plans.list(hostId).stream().map(PlanResponse::from).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "createPlan", summary = "Add a plan to a host")
    @ApiResponse(responseCode = "201", description = "The new plan.")
    PlanResponse create(@Valid @RequestBody PlanRequest request) {
        return PlanResponse.from(plans.create(request.toCommand()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPlan", summary = "One plan")
    @ApiResponse(responseCode = "200", description = "The plan.")
    PlanResponse get(@PathVariable long id) {
        return PlanResponse.from(plans.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(operationId = "updatePlan", summary = "Change a plan",
            description = "Plans are never deleted (keys and orders refer to them): set visibility to archived.")
    @ApiResponse(responseCode = "200", description = "The changed plan.")
    PlanResponse update(@PathVariable long id, @Valid @RequestBody PlanRequest request) {
        return PlanResponse.from(plans.update(id, request.toCommand()));
    }
}
