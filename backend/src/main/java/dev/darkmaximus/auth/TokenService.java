package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues our RS256 access tokens. Subjects are "staff:&lt;id&gt;" or "customer:&lt;id&gt;" so one claim says both
 * kind and identity; roles drive authorization.
 */
@Service
public class TokenService {

    static final String ISSUER = "dark-maximus";
    static final String ROLES_CLAIM = "roles";
    static final String CUSTOMER_PREFIX = "customer:";

    private final JwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, AuthProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(String subject, String name, Role role) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("name", name == null ? "" : name)
                .claim(ROLES_CLAIM, List.of(role.name()))
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, properties.accessTokenTtl().toSeconds(), role);
    }

    /** The customer id of a customer token; controllers under /me use it. */
    public static long customerId(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || !subject.startsWith(CUSTOMER_PREFIX)) {
            throw new IllegalStateException("not a customer token");
        }
        return Long.parseLong(subject.substring(CUSTOMER_PREFIX.length()));
    }
}
