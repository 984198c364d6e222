package dev.darkmaximus.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
import dev.darkmaximus.platform.error.InvalidInputException;

/** Staff sign-in with lockout after repeated failures (SPEC §7). */
@Service
public class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final TotpService totp;
    private final AuditService audit;
    private final AuthProperties properties;
    private final Clock clock;
    /**
     * A BCrypt hash at the encoder's cost (12, {@code SecurityConfiguration}), checked when the login is unknown so
     * that answer costs what a wrong password costs. A constant: hashing it at start-up took 0.3 s of every start.
     */
    static final String TIMING_DECOY = "$2a$12$Y4uXi1TkNpKepgMo1.JbpO/Xd/fedqfeKQ4W.nFFs0xbGBaPhyTBi";

    StaffService(StaffRepository staff, PasswordEncoder passwords, TokenService tokens, TotpService totp,
                 AuditService audit, AuthProperties properties, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.tokens = tokens;
        this.totp = totp;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The same answer for an unknown login and a wrong password (and the same work: a hash check either way), so
     * the endpoint can't be used to find staff logins. With TOTP on, a right password without a code asks for one
     * (not a failure: the password was right), while a wrong or replayed code counts towards the lockout.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public IssuedToken login(String username, String password, String totpCode) {
        requireBcryptLength(password, "password");
        Instant now = clock.instant();
        // Under the row's lock: a burst of parallel guesses is counted one by one and can't outrun the lockout.
        Staff account = staff.lockByLogin(username.strip()).orElse(null);
        // A locked account answers exactly like a wrong login, so the answer doesn't tell that the login exists.
        if (account == null || !account.active() || account.lockedAt(now)) {
            passwords.matches(password, TIMING_DECOY);
            throw invalidCredentials();
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw recordFailure(account, now, invalidCredentials());
        }
        if (account.totpEnabled()) {
            if (totpCode == null || totpCode.isBlank()) {
                throw TotpService.required();
            }
            if (!totp.accept(account, totpCode)) {
                throw recordFailure(account, now, new ApiException(HttpStatus.UNAUTHORIZED, "invalid_totp",
                        "Wrong or expired code, or one already used; wait for the next one."));
            }
        }
        staff.recordSuccess(account.id(), now);
        return tokens.startSession(grantOf(account));
    }

    /** Counts a failed attempt; returns the refusal to throw, which is the lockout once the limit is reached. */
    private ApiException recordFailure(Staff account, Instant now, ApiException refusal) {
        int count = staff.recordFailure(account.id(), properties.lockoutAttempts(),
                now.plus(properties.lockoutDuration()), now);
        if (count == 0) {
            log.atWarn().addKeyValue("staffId", account.id()).log("staff account locked after failed logins");
            audit.recordStandalone("staff.locked", "staff", account.id(), account.username());
        }
        return refusal;
    }

    /**
     * BCrypt reads only the first 72 bytes of a password: a longer one would be cut silently (or refused by the
     * encoder), so it is refused clearly instead.
     */
    static void requireBcryptLength(String password, String field) {
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw InvalidInputException.field(field, "password_too_long",
                    "at most 72 bytes (BCrypt reads no more); about 72 Latin letters or 36 Cyrillic ones");
        }
    }

    /** The signed-in staff member's own account. */
    @Transactional(readOnly = true)
    public StaffView me(long staffId) {
        return staff.findById(staffId).map(StaffView::from)
                .orElseThrow(() -> ApiException.notFound("Staff member", staffId));
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
        staff.save(Staff.create(username, passwords.encode(password), Role.ADMIN.name(), null));
        return true;
    }

    /**
     * Whether a signed-in staff member's account is still switched on, as the database has it now (auth's
     * AccountAccess remembers the answer until the accounts counter moves).
     */
    @Transactional(readOnly = true)
    public boolean mayAct(long staffId) {
        return staff.isActive(staffId);
    }

    /** The active staff member who linked this Telegram account (admin chat and operators' forum). */
    @Transactional(readOnly = true)
    public Optional<StaffMember> activeByTelegramId(long telegramId) {
        return staff.findByTelegramId(telegramId).filter(Staff::active)
                .map(s -> new StaffMember(s.id(), s.username(), Role.valueOf(s.role())));
    }

    /** The Telegram account a staff member linked, if any (where their broadcast previews go). */
    @Transactional(readOnly = true)
    public Optional<Long> telegramIdOf(long staffId) {
        return staff.findById(staffId).filter(Staff::active).map(Staff::telegramId);
    }

    /**
     * Links the first admin's Telegram account from configuration, unless one is linked already (to this admin or,
     * through the staff admin, to someone else).
     */
    @Transactional
    public void linkBootstrapTelegram(String username, long telegramId) {
        if (staff.findByTelegramId(telegramId).isPresent()) {
            return;
        }
        staff.findByLogin(username).filter(s -> s.telegramId() == null)
                .ifPresent(s -> staff.linkTelegram(s.id(), telegramId));
    }

    public record StaffMember(long id, String username, Role role) {
    }

    private static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "Wrong login or password.");
    }

}
