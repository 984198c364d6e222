package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.Staff;
import dev.darkmaximus.auth.persistence.StaffRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;

/** Staff sign-in with lockout after repeated failures (SPEC §7). */
@Service
public class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final AuditService audit;
    private final AuthProperties properties;
    private final Clock clock;
    private final String timingDecoy;

    StaffService(StaffRepository staff, PasswordEncoder passwords, TokenService tokens, AuditService audit,
                 AuthProperties properties, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.tokens = tokens;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.timingDecoy = passwords.encode("timing-decoy");
    }

    /**
     * The same answer for an unknown login and a wrong password (and the same work: a hash check either way), so
     * the endpoint can't be used to find staff logins.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public IssuedToken login(String username, String password) {
        Instant now = clock.instant();
        Staff account = staff.findByLogin(username.strip()).orElse(null);
        if (account == null || !account.active()) {
            passwords.matches(password, timingDecoy);
            throw invalidCredentials();
        }
        if (account.lockedAt(now)) {
            throw locked(account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            int count = staff.recordFailure(account.id(), properties.lockoutAttempts(),
                    now.plus(properties.lockoutDuration()), now);
            if (count == 0) {
                log.atWarn().addKeyValue("staffId", account.id()).log("staff account locked after failed logins");
                audit.recordStandalone("staff.locked", "staff", account.id(), account.username());
                throw locked(now.plus(properties.lockoutDuration()));
            }
            throw invalidCredentials();
        }
        staff.recordSuccess(account.id(), now);
        return tokens.startSession(grantOf(account));
    }

    /** The current grant of a staff account, for session renewal; deactivated accounts get none. */
    @Transactional(readOnly = true)
    Grant grantFor(long staffId) {
        Staff account = staff.findById(staffId).filter(Staff::active).orElseThrow(StaffService::invalidCredentials);
        return grantOf(account);
    }

    private static Grant grantOf(Staff account) {
        return new Grant(TokenService.STAFF_PREFIX + account.id(), account.username(), Role.valueOf(account.role()));
    }

    /** Creates the first admin when there is no staff at all; returns false when staff already exists. */
    @Transactional
    public boolean createFirstAdmin(String username, String password) {
        if (staff.count() > 0) {
            return false;
        }
        staff.save(Staff.create(username, passwords.encode(password), Role.ADMIN.name()));
        return true;
    }

    /** The active staff member who linked this Telegram account (admin chat and operators' forum). */
    @Transactional(readOnly = true)
    public java.util.Optional<StaffMember> activeByTelegramId(long telegramId) {
        return staff.findByTelegramId(telegramId).filter(Staff::active)
                .map(s -> new StaffMember(s.id(), s.username(), Role.valueOf(s.role())));
    }

    /** The Telegram account a staff member linked, if any (where their broadcast previews go). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> telegramIdOf(long staffId) {
        return staff.findById(staffId).filter(Staff::active).map(Staff::telegramId);
    }

    /** Links the first admin's Telegram account from configuration, unless one is linked already. */
    @Transactional
    public void linkBootstrapTelegram(String username, long telegramId) {
        staff.findByLogin(username).filter(s -> s.telegramId() == null)
                .ifPresent(s -> staff.linkTelegram(s.id(), telegramId));
    }

    public record StaffMember(long id, String username, Role role) {
    }

    private static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong login or password.");
    }

    private static ApiException locked(Instant until) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "account_locked",
                "Too many failed attempts; the account is locked until " + until + ".");
    }
}
