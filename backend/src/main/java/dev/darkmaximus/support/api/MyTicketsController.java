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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.platform.web.Caller;
import dev.darkmaximus.support.SupportService;
import dev.darkmaximus.support.TicketView;

@RestController
@RequestMapping("/api/v1/me/tickets")
@Validated
@Tag(name = "me-support")
class MyTicketsController {

    private final SupportService support;

    MyTicketsController(SupportService support) {
        this.support = support;
    }

    @GetMapping
    @Operation(operationId = "listMyTickets", summary = "My support tickets, newest first, with their messages")
    @ApiResponse(responseCode = "200", description = "The tickets.")
    List<TicketView> list(@AuthenticationPrincipal Jwt jwt,
                          @Parameter(description = "How many, 1–50.") @RequestParam(defaultValue = "20")
                          @Min(1) @Max(50) int limit) {
        return support.ticketsOf(Caller.customerId(jwt), limit);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMyTicket", summary = "One of my tickets with its messages")
    @ApiResponse(responseCode = "200", description = "The ticket.")
    TicketView get(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return support.getOwned(Caller.customerId(jwt), id);
    }

    @PostMapping("/messages")
    @Operation(operationId = "writeToSupport", summary = "Write to support",
            description = "Joins my open ticket, or opens one. Operators answer in the chat bot and here.")
    @ApiResponse(responseCode = "200", description = "The ticket with the new message.")
    TicketView write(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody MessageBody body) {
        return support.customerWrites(Caller.customerId(jwt), body.text(), List.of());
    }

    @PostMapping("/{id}/close")
    @Operation(operationId = "closeMyTicket", summary = "Close one of my tickets (closing a closed one changes nothing)")
    @ApiResponse(responseCode = "200", description = "The ticket.")
    TicketView close(@AuthenticationPrincipal Jwt jwt, @PathVariable long id) {
        return support.closeOwned(Caller.customerId(jwt), id);
    }

    @Schema(name = "SupportMessageRequest")
    record MessageBody(@NotBlank @Size(max = 4000) @Schema(example = "My key stopped connecting") String text) {
    }
}
