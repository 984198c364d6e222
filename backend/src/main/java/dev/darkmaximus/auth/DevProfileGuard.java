package dev.darkmaximus.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/**
 * The {@code dev} profile signs anyone in as any Telegram user (the Mini App's browser login). It is for a laptop:
 * the backend refuses to start with it when it is wired to a real bot (a token used against Telegram's own Bot API)
 * or an external database ({@code DATABASE_URL}), which is what a production deployment has. Tests that run
 * {@code dev} point the bot at a stand-in and bring their own embedded database.
 */
@Component
@Profile("dev")
class DevProfileGuard {

    @Autowired
    DevProfileGuard(TelegramProperties telegram, @Value("${DATABASE_URL:}") String databaseUrl) {
        this(telegram.botToken(), telegram.apiBaseUrl(), databaseUrl);
    }

    DevProfileGuard(String botToken, String telegramApi, String databaseUrl) {
        boolean realBot = !botToken.isBlank() && telegramApi.contains("api.telegram.org");
        if (realBot || !databaseUrl.isBlank()) {
            throw new IllegalStateException("The dev profile (a sign-in for any Telegram id) must not run with "
                    + (!realBot ? "an external database (DATABASE_URL)" : "a real bot token "
                    + "(TELEGRAM_BOT_TOKEN)") + ". Unset SPRING_PROFILES_ACTIVE=dev for production.");
        }
    }
}
