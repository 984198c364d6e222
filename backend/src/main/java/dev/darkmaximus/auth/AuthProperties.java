package dev.darkmaximus.auth;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accessTokenTtl          lifetime of every JWT we issue
 * @param refreshTokenTtl         lifetime of a refresh token (each use replaces it)
 * @param initDataMaxAge          oldest Telegram initData (by auth_date) still accepted
 * @param lockoutAttempts         failed passwords in a row that lock a staff account
 * @param lockoutDuration         how long a locked account stays locked
 * @param jwtPrivateKey           PKCS#8 PEM RSA key signing RS256 tokens; blank → generated into the data directory
 * @param bootstrapAdminUsername  login of the admin created on first start
 * @param bootstrapAdminPassword  its password; blank → random, printed once
 * @param bootstrapAdminTelegramId that admin's Telegram user id (0 = none): links the account for {@code /admin} in
 *                                 the bot, unless a Telegram account is linked already
 * @param miniappOrigin           browser origin allowed by CORS when the Mini App is served from elsewhere
 */
@Validated
@ConfigurationProperties("dm.auth")
record AuthProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("1h") Duration initDataMaxAge,
        @DefaultValue("5") @Positive int lockoutAttempts,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("") String jwtPrivateKey,
        @DefaultValue("admin") String bootstrapAdminUsername,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("0") long bootstrapAdminTelegramId,
        @DefaultValue("") String miniappOrigin) {
}
