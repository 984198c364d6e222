package dev.darkmaximus.platform.telegram;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken   the bot's token from @BotFather; blank → bot off and Mini App sign-in refused
 * @param apiBaseUrl the Bot API server (a local Bot API server or a test double may replace Telegram's)
 * @param webhookSecret the secret in the webhook path and in {@code X-Telegram-Bot-Api-Secret-Token}; blank → the
 *                      webhook endpoint refuses every call
 * @param updates    how the chat bot receives updates: {@code polling} (default, no public URL needed),
 *                   {@code webhook} (Telegram calls {@code /telegram/webhook/{secret}}), or {@code off}
 * @param webhookUrl this backend's public base URL; in webhook mode the bot registers
 *                   {@code <webhookUrl>/telegram/webhook/<secret>} with Telegram at start-up (blank: set it yourself)
 */
@ConfigurationProperties("dm.telegram")
public record TelegramProperties(@DefaultValue("") String botToken,
                                 @DefaultValue("https://api.telegram.org") String apiBaseUrl,
                                 @DefaultValue("") String webhookSecret,
                                 @DefaultValue("polling") String updates,
                                 @DefaultValue("") String webhookUrl) {

    public boolean botConfigured() {
        return botToken != null && !botToken.isBlank();
    }
}
