package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers access tokens already verified, so a customer's next requests with the same token skip the RS256
 * signature check and the parsing (most of what a signed-in storefront request cost: make bench, docs/benchmarks.md).
 * Only a token that passed the full check is remembered, keyed by its exact text, and never past its expiry nor longer
 * than a minute; anything refused is checked again each time. Whether the account may still act is not cached: that
 * check runs on every request after this one ({@link AccountStillAllowedFilter}).
 */
final class VerifiedTokens implements JwtDecoder {

    private static final Duration AT_MOST = Duration.ofMinutes(1);

    private final JwtDecoder verifying;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifying, Clock clock) {
        this.verifying = verifying;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || clock.instant().isBefore(known.getExpiresAt()))) {
            return known;
        }
        Jwt jwt = verifying.decode(token); // throws for anything forged, expired or malformed: never remembered
        verified.put(token, jwt);
        return jwt;
    }

    private Duration lifetime(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return AT_MOST;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) < 0 ? left : AT_MOST;
    }
}
