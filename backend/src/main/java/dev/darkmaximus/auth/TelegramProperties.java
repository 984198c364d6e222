package dev.darkmaximus.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken   the bot's token from @BotFather; blank → bot off and Mini App sign-in refused
 * @param apiBaseUrl the Bot API server (a local Bot API server or a test double may replace Telegram's)
 * @param webhookSecret the secret in the webhook path and in {@code X-Telegram-Bot-Api-Secret-Token}; blank → the
 *                      webhook endpoint refuses every call
 */
@ConfigurationProperties("dm.telegram")
public record TelegramProperties(@DefaultValue("") String botToken,
                                 @DefaultValue("https://api.telegram.org") String apiBaseUrl,
                                 @DefaultValue("") String webhookSecret) {

    public boolean botConfigured() {
        return botToken != null && !botToken.isBlank();
    }
}
