package dev.darkmaximus.payment.yookassa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentService;
import dev.darkmaximus.billing.PaymentView;
import dev.darkmaximus.payment.IpRanges;
import dev.darkmaximus.payment.PaymentChecks;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderPayment;
import dev.darkmaximus.platform.error.ApiException;

/**
 * YooKassa's notifications. YooKassa doesn't sign them, so a notification is only a hint: it must come from
 * YooKassa's addresses, and the payment is then re-read from the API, whose answer alone is applied. Anything but
 * 200 makes YooKassa send it again later, which is what we want when the API couldn't be reached.
 */
@RestController
@Tag(name = "webhooks")
class YooKassaWebhookController {

    private static final Logger log = LoggerFactory.getLogger(YooKassaWebhookController.class);

    private final PaymentService payments;
    private final PaymentChecks checks;
    private final IpRanges allowed;
    private final JsonMapper json;
    private final YooKassaProvider yookassa;

    YooKassaWebhookController(PaymentService payments, PaymentChecks checks, YooKassaProperties properties,
                              JsonMapper json, YooKassaProvider yookassa) {
        this.yookassa = yookassa;
        this.payments = payments;
        this.checks = checks;
        this.allowed = IpRanges.of(properties.allowedSources());
        this.json = json;
    }

    @PostMapping(path = "/api/v1/webhooks/yookassa", consumes = "application/json")
    @SecurityRequirements
    @Operation(operationId = "yookassaNotification", summary = "YooKassa payment notification",
            description = "Accepted only from YooKassa's published addresses (403 `webhook_source_refused`). The "
                    + "payment named by `object.id` is re-read from YooKassa and only that answer is applied; 503 "
                    + "when YooKassa can't be reached, so it retries.")
    @ApiResponse(responseCode = "200", description = "Taken (including notifications about unknown payments).")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @RequestBody(required = true,
            description = "YooKassa's notification: `{\"type\":\"notification\",\"event\":\"payment.succeeded\","
                    + "\"object\":{…the payment…}}`. Read only after the sender's address passed; at most 256 KB. A "
                    + "notification that can't change the payment as the shop holds it (a paid payment told it "
                    + "succeeded) is answered from the database; a copy arriving while the same notification is being "
                    + "checked is answered at once; a check that fails is answered as it failed (503 when YooKassa "
                    + "can't be reached) and queued to run again.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = "object")))
    ResponseEntity<Void> notification(HttpServletRequest request) throws IOException {
        if (!allowed.contains(request.getRemoteAddr())) {
            log.atWarn().addKeyValue("ip", request.getRemoteAddr()).log("YooKassa notification from outside the allow-list");
            throw new ApiException(HttpStatus.FORBIDDEN, "webhook_source_refused",
                    "Notifications are accepted from YooKassa only.");
        }
        // Read only once the sender is known: a stranger's body is never read at all.
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (RuntimeException malformed) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_notification", "The body is not JSON.");
        }
        String event = notification.path("event").asString("");
        String id = notification.path("object").path("id").asString("");
        if (!event.startsWith("payment.") || id.isBlank()) {
            return ResponseEntity.ok().build(); // refunds are settled when we make them; other events aren't ours
        }
        var payment = payments.byProviderId(PaymentMethod.YOOKASSA, id);
        try {
            if (payment.isEmpty()) {
                payment = unanswered(id);
            }
            if (payment.isEmpty()) {
                log.atWarn().addKeyValue("providerPaymentId", id).log("YooKassa notification for an unknown payment");
                return ResponseEntity.ok().build();
            }
            checks.onNotification(payment.get(), event);
        } catch (ProviderException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                    "Could not confirm the payment with YooKassa; send it again later.");
        }
        return ResponseEntity.ok().build();
    }

    /**
     * Our payment whose creation YooKassa never answered (a timeout: we don't know its id), found by the ids
     * YooKassa itself keeps in its metadata — read from the API, never from the notification — and given its id.
     */
    private Optional<PaymentView> unanswered(String providerPaymentId) {
        Optional<ProviderPayment> read;
        try {
            read = yookassa.fetch(providerPaymentId);
        } catch (ProviderException refused) {
            if (refused.isTransient()) {
                throw refused; // 503: YooKassa sends it again
            }
            return Optional.empty(); // no such payment at YooKassa (404): not ours, nothing to do
        }
        if (read.isEmpty()) {
            return Optional.empty();
        }
        String ours = json.readTree(read.get().snapshotJson()).path("metadata").path("payment_id").asString("");
        if (!ours.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return payments.find(Long.parseLong(ours))
                .filter(p -> p.provider() == PaymentMethod.YOOKASSA && p.providerPaymentId() == null
                        && read.get().orderId() != null && read.get().orderId() == p.orderId())
                .map(p -> {
                    payments.attach(p.id(), providerPaymentId, p.confirmationUrl(), read.get().snapshotJson());
                    return payments.get(p.id());
                });
    }
}
