package dev.darkmaximus.platform.outbox.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.outbox.OutboxService;

@RestController
@RequestMapping("/api/v1/admin/outbox")
@Tag(name = "admin-outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxAdminController {

    private final OutboxService outbox;

    OutboxAdminController(OutboxService outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/dead")
    @Operation(operationId = "listDeadOutboxTasks", summary = "Side effects that failed every attempt",
            description = "Dead-lettered tasks (e.g. a key the panel never accepted), newest first. Retry one after "
                    + "fixing the cause.")
    @ApiResponse(responseCode = "200", description = "Dead tasks.")
    List<OutboxTaskResponse> dead(@Parameter(description = "At most this many, 1–100.", example = "50")
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return outbox.deadLetters(limit).stream().map(OutboxTaskResponse::from).toList();
    }

    @GetMapping("/retrying")
    @Operation(operationId = "listRetryingOutboxTasks", summary = "Side effects that failed and are being retried",
            description = "Pending or running tasks that failed at least once (a panel that is down, Telegram "
                    + "refusing), oldest first, with their attempts, next try and last error.")
    @ApiResponse(responseCode = "200", description = "Retrying tasks.")
    List<OutboxTaskResponse> retrying(@Parameter(description = "At most this many, 1–100.", example = "50")
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
        return outbox.retrying(limit).stream().map(OutboxTaskResponse::from).toList();
    }

    @PostMapping("/{id}/retry")
    @Operation(operationId = "retryOutboxTask", summary = "Retry a dead task",
            description = "Gives the task a fresh set of attempts starting now. Only dead tasks (409 `task_not_dead`).")
    @ApiResponse(responseCode = "200", description = "The task, pending again.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    OutboxTaskResponse retry(@PathVariable long id) {
        return OutboxTaskResponse.from(outbox.retry(id));
    }
}
