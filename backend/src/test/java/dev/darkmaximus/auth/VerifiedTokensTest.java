package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import dev.darkmaximus.testsupport.TestClock;

/** A verified token is checked once; a refused one every time; none is served past its expiry. */
class VerifiedTokensTest {

    private final Instant start = Instant.parse("2026-12-06T12:00:00Z");
    private final AtomicInteger checks = new AtomicInteger();

    private JwtDecoder verifying(Instant expires) {
        return token -> {
            checks.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("signature refused");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("customer:7").issuedAt(start)
                    .expiresAt(expires).build();
        };
    }

    @Test
    void aVerifiedTokenIsCheckedOnceWhileItLives() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(start.plusSeconds(900)), Clock.fixed(start, ZoneOffset.UTC));

        Jwt first = tokens.decode("good.token.1");
        Jwt again = tokens.decode("good.token.1");
        tokens.decode("good.token.2");

        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(2); // one per distinct token
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        VerifiedTokens tokens = new VerifiedTokens(verifying(start.plusSeconds(900)), Clock.fixed(start, ZoneOffset.UTC));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged.token")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedTokenIsNeverServedPastItsExpiry() {
        Instant expires = start.plusSeconds(30);
        TestClock clock = new TestClock(start);
        VerifiedTokens tokens = new VerifiedTokens(verifying(expires), clock);
        tokens.decode("short.lived");

        clock.advance(Duration.between(start, expires).plusMillis(1));
        tokens.decode("short.lived"); // past its expiry: back to the full check (which refuses it in real life)

        assertThat(checks).hasValue(2);
    }
}
