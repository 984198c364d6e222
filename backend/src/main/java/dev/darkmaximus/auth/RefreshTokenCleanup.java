package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.RefreshTokenRepository;

/**
 * Deletes refresh tokens a day after they expired (the day keeps reuse detection working for late replays). A plain
 * DELETE, so running it on every replica is harmless.
 */
@Component
class RefreshTokenCleanup {

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    RefreshTokenCleanup(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Scheduled(cron = "0 17 * * * *")
    @Transactional
    void deleteExpired() {
        refreshTokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)));
    }
}
