package dev.darkmaximus.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken   the bot's token from @BotFather; blank → bot off and Mini App sign-in refused
 * @param apiBaseUrl the Bot API server (a local Bot API server or a test double may replace Telegram's)
 */
@ConfigurationProperties("dm.telegram")
public record TelegramProperties(@DefaultValue("") String botToken,
                                 @DefaultValue("https://api.telegram.org") String apiBaseUrl) {

    public boolean botConfigured() {
        return botToken != null && !botToken.isBlank();
    }
}
