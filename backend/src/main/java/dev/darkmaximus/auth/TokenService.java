package dev.darkmaximus.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.RefreshToken;
import dev.darkmaximus.auth.persistence.RefreshTokenRepository;
import dev.darkmaximus.platform.crypto.Digests;
import dev.darkmaximus.platform.web.Caller;

/**
 * Issues our RS256 access tokens and their refresh tokens. Subjects are "staff:&lt;id&gt;" or "customer:&lt;id&gt;" so
 * one claim says both kind and identity; roles drive authorization.
 */
@Service
public class TokenService {

    static final String ISSUER = "dark-maximus";
    static final String ROLES_CLAIM = "roles";
    static final String CUSTOMER_PREFIX = Caller.CUSTOMER_PREFIX;
    static final String STAFF_PREFIX = Caller.STAFF_PREFIX;

    private final JwtEncoder encoder;
    private final RefreshTokenRepository refreshTokens;
    private final AuthProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JwtEncoder encoder, RefreshTokenRepository refreshTokens, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session: an access token plus the first refresh token of a new family. */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedToken startSession(Grant grant) {
        return issue(grant, UUID.randomUUID());
    }

    /** Access token plus a refresh token in the given family (the family links every rotation of one sign-in). */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedToken issue(Grant grant, UUID family) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(grant.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("name", grant.name() == null ? "" : grant.name())
                .claim(ROLES_CLAIM, List.of(grant.role().name()))
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        refreshTokens.save(RefreshToken.issue(grant.subject(), hash(refresh), family, now,
                now.plus(properties.refreshTokenTtl())));
        return new IssuedToken(access, properties.accessTokenTtl().toSeconds(), grant.role(), refresh,
                properties.refreshTokenTtl().toSeconds());
    }

    static String hash(String refreshToken) {
        return Digests.sha256Hex(refreshToken);
    }
}
