package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.RefreshToken;
import dev.darkmaximus.auth.persistence.RefreshTokenRepository;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.platform.error.ApiException;

/**
 * Renews sessions. Each refresh token works once; presenting a spent one means it leaked, so the whole family (every
 * token descended from that sign-in) is revoked. The role is re-read on every renewal, so a ban or a deactivated staff
 * account ends the session within one access-token lifetime.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokenRepository refreshTokens;
    private final TokenService tokens;
    private final StaffService staff;
    private final CustomerService customers;
    private final Clock clock;

    SessionService(RefreshTokenRepository refreshTokens, TokenService tokens, StaffService staff,
                   CustomerService customers, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.staff = staff;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = ApiException.class)
    public IssuedToken refresh(String refreshToken) {
        Instant now = clock.instant();
        RefreshToken stored = refreshTokens.findForUpdate(TokenService.hash(refreshToken))
                .orElseThrow(SessionService::invalid);
        if (stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
            throw invalid();
        }
        if (stored.usedAt() != null) {
            refreshTokens.revokeFamily(stored.familyId(), now);
            log.atWarn().addKeyValue("subject", stored.subject()).log("refresh token reused: session family revoked");
            throw invalid();
        }
        refreshTokens.markUsed(stored.id(), now);
        Grant grant;
        try {
            grant = currentGrant(stored.subject());
        } catch (ApiException refused) {
            refreshTokens.revokeFamily(stored.familyId(), now);
            throw refused;
        }
        return tokens.issue(grant, stored.familyId());
    }

    /**
     * Signs out: the refresh token's whole sign-in (every token rotated from it) is revoked, so it can't be renewed
     * again; the access token runs out within its short lifetime. Unknown or already revoked tokens are fine: a
     * sign-out never fails.
     */
    @Transactional
    public void signOut(String refreshToken) {
        Instant now = clock.instant();
        refreshTokens.findForUpdate(TokenService.hash(refreshToken))
                .ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId(), now));
    }

    private Grant currentGrant(String subject) {
        if (subject.startsWith(TokenService.STAFF_PREFIX)) {
            return staff.grantFor(Long.parseLong(subject.substring(TokenService.STAFF_PREFIX.length())));
        }
        CustomerView customer = customers.get(Long.parseLong(subject.substring(TokenService.CUSTOMER_PREFIX.length())));
        customers.requireNotBanned(customer);
        return TelegramAuthService.grantFor(customer);
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "The refresh token is unknown, expired or already used; sign in again.");
    }
}
