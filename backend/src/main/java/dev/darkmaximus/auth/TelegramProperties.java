package dev.darkmaximus.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param botToken the bot's token from @BotFather; blank → bot off and Mini App sign-in refused
 */
@ConfigurationProperties("dm.telegram")
public record TelegramProperties(@DefaultValue("") String botToken) {
}
