package dev.darkmaximus.integration.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.integration.WebhookDelivery;
import dev.darkmaximus.integration.WebhookSecret;
import dev.darkmaximus.integration.WebhookView;
import dev.darkmaximus.integration.Webhooks;

/** Outbound webhook endpoints and their delivery log, for admins (SPEC §15). */
@RestController
@Validated
@RequestMapping("/api/v1/admin/webhooks")
@Tag(name = "admin-webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookAdminController {

    private static final String EVENTS = "customer.created, order.paid, payment.refunded, key.created, "
            + "key.extended, key.expired, key.revoked";

    private final Webhooks webhooks;

    WebhookAdminController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "Every webhook endpoint, oldest first")
    @ApiResponse(responseCode = "200", description = "The endpoints (never their secrets).")
    List<WebhookView> list() {
        return webhooks.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhook", summary = "Register an endpoint",
            description = "The answer is the only place the signing secret appears; it is stored encrypted.")
    @ApiResponse(responseCode = "201", description = "The endpoint and its secret.")
    WebhookSecret create(@Valid @RequestBody WebhookBody body) {
        return webhooks.create(body.url(), body.description(), body.events());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "One endpoint")
    @ApiResponse(responseCode = "200", description = "The endpoint.")
    WebhookView get(@PathVariable long id) {
        return webhooks.get(id);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change an endpoint, or switch it off or on",
            description = "Switching an endpoint on forgets its failures. Deliveries that ended while it was off "
                    + "are resent one by one from its log.")
    @ApiResponse(responseCode = "200", description = "The endpoint as it is now.")
    WebhookView update(@PathVariable long id, @Valid @RequestBody WebhookUpdate body) {
        return webhooks.update(id, body.url(), body.description(), body.events(), body.enabled());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete an endpoint and its delivery log")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    void delete(@PathVariable long id) {
        webhooks.delete(id);
    }

    @PostMapping("/{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Replace the signing secret",
            description = "Deliveries from now on are signed with the new secret, shown only in this answer.")
    @ApiResponse(responseCode = "200", description = "The endpoint and its new secret.")
    WebhookSecret rotateSecret(@PathVariable long id) {
        return webhooks.rotateSecret(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's delivery log, newest first")
    @ApiResponse(responseCode = "200", description = "The deliveries.")
    List<WebhookDelivery> deliveries(@PathVariable long id,
                                          @Parameter(description = "Cursor: the last id of the previous page.")
                                          @RequestParam(required = false) Long before,
                                          @Parameter(description = "Page size, 1–200.")
                                          @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return webhooks.deliveries(id, before, limit);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    @Operation(operationId = "resendWebhookDelivery", summary = "Send a delivery again",
            description = "Queues it at once with the same body and event id, freshly signed; 409 "
                    + "`webhook_disabled` while the endpoint is off, `delivery_pending` while it is still being "
                    + "tried.")
    @ApiResponse(responseCode = "200", description = "The delivery, pending again.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    WebhookDelivery resend(@PathVariable long id, @PathVariable long deliveryId) {
        return webhooks.resend(id, deliveryId);
    }

    record WebhookBody(
            @Schema(example = "https://shop.example.com/hooks/dm") @NotBlank @Size(max = 2000) String url,
            @Schema(example = "Our site's order sync") @Size(max = 200) String description,
            @ArraySchema(schema = @Schema(allowableValues = {"customer.created", "order.paid", "payment.refunded",
                    "key.created", "key.extended", "key.expired", "key.revoked"}),
                    arraySchema = @Schema(description = "Event types to receive: " + EVENTS + "."))
            @NotEmpty List<@NotBlank String> events) {
    }

    record WebhookUpdate(
            @Schema(example = "https://shop.example.com/hooks/dm") @NotBlank @Size(max = 2000) String url,
            @Schema(example = "Our site's order sync") @Size(max = 200) String description,
            @ArraySchema(schema = @Schema(allowableValues = {"customer.created", "order.paid", "payment.refunded",
                    "key.created", "key.extended", "key.expired", "key.revoked"}))
            @NotEmpty List<@NotBlank String> events,
            @Schema(example = "true") @NotNull Boolean enabled) {
    }
}
