package dev.darkmaximus.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.telegram.BotApiClient;
import dev.darkmaximus.platform.telegram.TelegramProperties;

/**
 * The bot's webhook: both the path secret and {@code X-Telegram-Bot-Api-Secret-Token} must match the configured
 * secret (compared in constant time). The update goes through the same intake as long polling.
 */
@RestController
@Hidden
class TelegramWebhookController {

    private final UpdateIntake intake;
    private final BotApiClient api;
    private final TelegramProperties telegram;

    TelegramWebhookController(UpdateIntake intake, BotApiClient api, TelegramProperties telegram) {
        this.intake = intake;
        this.api = api;
        this.telegram = telegram;
    }

    @PostMapping("/telegram/webhook/{secret}")
    ResponseEntity<Void> update(@PathVariable String secret,
                                @RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String header,
                                HttpServletRequest request) throws IOException {
        if (!matches(secret) || !matches(header)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unknown webhook secret.");
        }
        // Read only once both secrets matched: a stranger's body is never read at all.
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Update update;
        try {
            update = api.parseUpdate(body);
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_update", "Not a Telegram update.");
        }
        if (update.getUpdateId() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_update", "The update has no update_id.");
        }
        intake.receive(update);
        return ResponseEntity.ok().build();
    }

    private boolean matches(String candidate) {
        String expected = telegram.webhookSecret();
        return expected != null && !expected.isBlank() && candidate != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
