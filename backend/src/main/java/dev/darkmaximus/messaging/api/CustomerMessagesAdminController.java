package dev.darkmaximus.messaging.api;

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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.NotificationView;

/** What a customer was sent, and writing to them: for admins and operators alike. */
@RestController
@RequestMapping("/api/v1/admin/customers/{id}")
@Tag(name = "admin-customers")
class CustomerMessagesAdminController {

    private final NotificationService notifications;

    CustomerMessagesAdminController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @Operation(operationId = "listCustomerNotifications", summary = "The customer's latest messages from the shop")
    @ApiResponse(responseCode = "200", description = "Newest first.")
    List<NotificationView> list(@PathVariable long id,
                                @Parameter(description = "How many, 1–100.") @RequestParam(defaultValue = "30")
                                @Min(1) @Max(100) int limit) {
        return notifications.recentOf(id, limit);
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "messageCustomer", summary = "Write to the customer in the bot",
            description = "Queued and sent within the bot's flood limits; the text is sent as plain text under a "
                    + "\"message from support\" heading and audited.")
    @ApiResponse(responseCode = "202", description = "Queued.")
    NotificationView message(@PathVariable long id, @Valid @RequestBody MessageRequest body) {
        return notifications.staffMessage(id, body.text());
    }

    @Schema(name = "CustomerMessageRequest")
    record MessageRequest(@NotBlank @Size(max = 3500) @Schema(example = "Your server was moved; please update the key.")
                          String text) {
    }
}
