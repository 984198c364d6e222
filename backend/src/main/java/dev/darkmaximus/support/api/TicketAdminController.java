package dev.darkmaximus.support.api;

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
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.web.Caller;
import dev.darkmaximus.support.SupportDesk;
import dev.darkmaximus.support.TicketView;

/** Support for staff: admins and operators alike (SPEC §10, §12). */
@RestController
@RequestMapping("/api/v1/admin/tickets")
@Tag(name = "admin-support")
class TicketAdminController {

    private final SupportDesk desk;

    TicketAdminController(SupportDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    @Operation(operationId = "listTickets", summary = "The ticket queue, latest activity first")
    @ApiResponse(responseCode = "200", description = "A page of tickets.")
    TicketPage list(
            @Parameter(description = "ACTIVE (not closed, the default), OPEN (the customer waits for an answer), "
                    + "WAITING_CUSTOMER, CLOSED or ALL.") @RequestParam(defaultValue = "ACTIVE") SupportDesk.Filter status,
            @Parameter(description = "Only tickets taken by this staff member.") @RequestParam(required = false)
            Long assigneeId,
            @Parameter(description = "Only tickets nobody has taken.") @RequestParam(defaultValue = "false")
            boolean unassigned,
            @Parameter(description = "Only this customer's tickets.") @RequestParam(required = false) Long customerId,
            @Parameter(description = "Page size, 1–100.") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Cursor: the id of the last ticket of the previous page.")
            @RequestParam(required = false) Long startingAfter) {
        SupportDesk.QueueSlice slice = desk.queue(status, assigneeId, unassigned, customerId, limit, startingAfter);
        return new TicketPage(slice.tickets(), slice.hasMore());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getTicket", summary = "A ticket with its conversation, oldest message first")
    @ApiResponse(responseCode = "200", description = "The ticket.")
    TicketView get(@PathVariable long id) {
        return desk.get(id);
    }

    @PostMapping("/{id}/replies")
    @Operation(operationId = "replyToTicket", summary = "Answer the customer",
            description = "Delivered in the chat bot (and mirrored to the operators' forum topic when one is set). "
                    + "The ticket then waits for the customer and is taken by whoever answered, unless taken already.")
    @ApiResponse(responseCode = "200", description = "The ticket with the answer.")
    @ApiResponse(responseCode = "409", description = "The ticket is closed.", ref = "#/components/responses/Conflict")
    TicketView reply(@AuthenticationPrincipal Jwt jwt, @PathVariable long id, @Valid @RequestBody ReplyRequest body) {
        return desk.reply(id, Caller.staffId(jwt), body.text());
    }

    @PutMapping("/{id}/assignee")
    @Operation(operationId = "assignTicket", summary = "Give the ticket to a staff member, or back to the queue")
    @ApiResponse(responseCode = "200", description = "The ticket.")
    TicketView assign(@PathVariable long id, @RequestBody AssignRequest body) {
        return desk.assign(id, body.staffId());
    }

    @PostMapping("/{id}/close")
    @Operation(operationId = "closeTicket", summary = "Close the ticket; the customer is told",
            description = "Closing a closed ticket changes nothing.")
    @ApiResponse(responseCode = "200", description = "The ticket.")
    TicketView close(@PathVariable long id) {
        return desk.close(id);
    }

    @Schema(name = "TicketPage")
    record TicketPage(List<SupportDesk.QueuedTicket> data,
                      @Schema(description = "True when more tickets follow; ask again with startingAfter = the last id.")
                      boolean hasMore) {
    }

    @Schema(name = "TicketReplyRequest")
    record ReplyRequest(@NotBlank @Size(max = 4000) @Schema(example = "Please reinstall the profile from My keys.")
                        String text) {
    }

    @Schema(name = "TicketAssignRequest")
    record AssignRequest(@Schema(description = "The staff member; null puts the ticket back in the queue.")
                         Long staffId) {
    }
}
