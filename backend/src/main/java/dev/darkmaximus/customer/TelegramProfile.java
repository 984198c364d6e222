package dev.darkmaximus.customer;

import java.util.Locale;

/** Who Telegram says the user is, after the caller verified it (initData signature or the bot's own update). */
public record TelegramProfile(long telegramId, String username, String firstName, String lastName, String languageCode) {

    public TelegramProfile {
        if (telegramId <= 0) {
            throw new IllegalArgumentException("telegramId must be positive");
        }
    }

    /** Our two languages; Telegram reports IETF tags like "ru", "en-US", "uk". */
    public String shopLanguage() {
        if (languageCode == null || languageCode.isBlank()) {
            return "ru";
        }
        String lower = languageCode.toLowerCase(Locale.ROOT);
        return lower.startsWith("ru") || lower.startsWith("uk") || lower.startsWith("be") || lower.startsWith("kk")
                ? "ru" : "en";
    }
}
