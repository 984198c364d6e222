package dev.darkmaximus.payment.cryptobot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import dev.darkmaximus.payment.PaymentChecks;
import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.platform.error.ApiException;

/**
 * CryptoBot's webhook updates. Each is signed: {@code crypto-pay-api-signature} is the hex HMAC-SHA-256 of the raw
 * body keyed with SHA-256 of the app's token. An update without a valid signature is refused before its body is
 * parsed. A valid one still only says which invoice to look at: the invoice is re-read with {@code getInvoices} and
 * only that answer is applied (a signed "paid" for an invoice the API calls active changes nothing).
 */
@RestController
@Tag(name = "webhooks")
class CryptoBotWebhookController {

    static final String SIGNATURE = "crypto-pay-api-signature";
    private static final Logger log = LoggerFactory.getLogger(CryptoBotWebhookController.class);

    private final PaymentService payments;
    private final PaymentChecks checks;
    private final CryptoBotAccount account;
    private final JsonMapper json;

    CryptoBotWebhookController(PaymentService payments, PaymentChecks checks, CryptoBotAccount account,
                               JsonMapper json) {
        this.payments = payments;
        this.checks = checks;
        this.account = account;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/webhooks/cryptobot", consumes = "application/json")
    @SecurityRequirements
    @Operation(operationId = "cryptoBotUpdate", summary = "CryptoBot webhook update",
            description = "Accepted only with a valid `crypto-pay-api-signature` (hex HMAC-SHA-256 of the raw body, "
                    + "keyed with SHA-256 of the Crypto Pay token): 401 `webhook_signature_refused` otherwise, "
                    + "before the body is read as JSON. The invoice named by `payload.invoice_id` is re-read from "
                    + "CryptoBot and only that answer is applied; 503 when CryptoBot can't be reached, so it "
                    + "retries.",
            parameters = @Parameter(name = SIGNATURE, in = ParameterIn.HEADER,
                    description = "Hex HMAC-SHA-256 of the raw body; without it the update is refused (401).",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "Taken (including updates about unknown invoices).")
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
    @ApiResponse(responseCode = "503", ref = "#/components/responses/ServiceUnavailable")
    @RequestBody(required = true,
            description = "CryptoBot's update: `{\"update_id\":…,\"update_type\":\"invoice_paid\",\"request_date\":"
                    + "\"…\",\"payload\":{…the invoice…}}`, at most 256 KB.",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    ResponseEntity<Void> update(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes(); // capped by platform.web.RequestBodyLimits
        if (!signedByCryptoBot(body, request.getHeader(SIGNATURE))) {
            log.atWarn().addKeyValue("ip", request.getRemoteAddr()).log("CryptoBot update with a bad signature");
            throw new ApiException(HttpStatus.UNAUTHORIZED, "webhook_signature_refused",
                    "The update's signature is missing or wrong.");
        }
        JsonNode update;
        try {
            update = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_notification", "The body is not JSON.");
        }
        String type = update.path("update_type").asString("");
        String invoiceId = update.path("payload").path("invoice_id").asString("");
        if (!"invoice_paid".equals(type) || !invoiceId.matches("[0-9]{1,18}")) {
            return ResponseEntity.ok().build(); // the only update type CryptoBot sends today; others aren't ours
        }
        var payment = payments.byProviderId(PaymentMethod.CRYPTOBOT, invoiceId);
        if (payment.isEmpty()) {
            // An invoice whose creation answer was lost: the daily reconciliation finds it by its payload.
            log.atWarn().addKeyValue("invoiceId", invoiceId).log("CryptoBot update for an unknown invoice");
            return ResponseEntity.ok().build();
        }
        try {
            checks.onNotification(payment.get(), "invoice_paid");
        } catch (ProviderException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                    "Could not confirm the invoice with CryptoBot; send it again later.");
        }
        return ResponseEntity.ok().build();
    }

    /** Constant-time comparison of the hex signature with our own HMAC of the exact bytes received. */
    private boolean signedByCryptoBot(byte[] body, String signature) {
        Optional<byte[]> key = account.signingKey();
        if (key.isEmpty() || signature == null || !signature.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        return MessageDigest.isEqual(hmac(key.get(), body), HexFormat.of().parseHex(signature));
    }

    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
