package dev.darkmaximus.payment.stars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.auth.TelegramProperties;
import dev.darkmaximus.platform.error.ApiException;

/**
 * The bot's webhook as far as payments go: {@code pre_checkout_query} and {@code successful_payment}. Both the path
 * secret and {@code X-Telegram-Bot-Api-Secret-Token} must match the configured secret. Other updates are
 * acknowledged and left for the chat bot.
 */
@RestController
@Hidden
class TelegramPaymentUpdatesController {

    private static final Logger log = LoggerFactory.getLogger(TelegramPaymentUpdatesController.class);

    private final StarsPayments stars;
    private final TelegramProperties telegram;
    private final JsonMapper json;

    TelegramPaymentUpdatesController(StarsPayments stars, TelegramProperties telegram, JsonMapper json) {
        this.stars = stars;
        this.telegram = telegram;
        this.json = json;
    }

    @PostMapping("/telegram/webhook/{secret}")
    ResponseEntity<Void> update(@PathVariable String secret,
                                @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String header,
                                @RequestBody String body) {
        if (!matches(secret) || !matches(header)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unknown webhook secret.");
        }
        JsonNode update = json.readTree(body);
        JsonNode query = update.path("pre_checkout_query");
        if (query.isObject()) {
            stars.preCheckout(query.path("id").asString(), query.path("from").path("id").asLong(),
                    query.path("currency").asString(), query.path("total_amount").asLong(),
                    query.path("invoice_payload").asString());
            return ResponseEntity.ok().build();
        }
        JsonNode paid = update.path("message").path("successful_payment");
        if (paid.isObject()) {
            try {
                stars.successfulPayment(update.path("message").path("from").path("id").asLong(),
                        paid.path("currency").asString(), paid.path("total_amount").asLong(),
                        paid.path("invoice_payload").asString(), paid.path("telegram_payment_charge_id").asString(),
                        paid.toString());
            } catch (IllegalArgumentException notOurs) {
                log.atError().log("successful_payment not matching any order: {}", notOurs.getMessage());
            }
        }
        return ResponseEntity.ok().build();
    }

    private boolean matches(String candidate) {
        String expected = telegram.webhookSecret();
        return expected != null && !expected.isBlank() && candidate != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
