package dev.darkmaximus.auth;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code dev} profile signs anyone in as any Telegram user (the Mini App's browser login). It is for a laptop:
 * the backend refuses to start with it when it is wired to a real bot or an external database, which is what a
 * production deployment has. The test suite runs {@code dev} deliberately (profile {@code test}) against its own bot
 * token and database, and is the one exception.
 */
@Component
@Profile("dev")
class DevProfileGuard {

    DevProfileGuard(Environment environment, @Value("${dm.telegram.bot-token:}") String botToken,
                    @Value("${DATABASE_URL:}") String databaseUrl) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("test")) {
            return;
        }
        if (!botToken.isBlank() || !databaseUrl.isBlank()) {
            throw new IllegalStateException("The dev profile (a sign-in for any Telegram id) must not run with "
                    + (botToken.isBlank() ? "an external database (DATABASE_URL)" : "a real bot token "
                    + "(TELEGRAM_BOT_TOKEN)") + ". Unset SPRING_PROFILES_ACTIVE=dev for production.");
        }
    }
}
