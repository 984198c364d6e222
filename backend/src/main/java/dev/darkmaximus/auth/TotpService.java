package dev.darkmaximus.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.Staff;
import dev.darkmaximus.auth.persistence.StaffRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * A staff member's own second factor (SPEC §7). Enrolment is two-step: a new secret is stored encrypted but pending,
 * and only a correct code from it turns it on, so nobody is locked out by a mistyped secret. Every accepted code
 * spends its time step, so a code seen over someone's shoulder can't be used again.
 */
@Service
public class TotpService {

    private final StaffRepository staff;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TotpService(StaffRepository staff, SecretCipher cipher, AuditService audit, Clock clock) {
        this.staff = staff;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new pending secret, replacing an unconfirmed one; refused while TOTP is on (turn it off first). */
    @Transactional
    public TotpEnrolment startEnrolment(long staffId) {
        Staff account = load(staffId);
        String secret = Totp.newSecret(random);
        if (account.totpEnabled() || staff.startTotp(staffId, cipher.encrypt(secret), clock.instant()) == 0) {
            throw ApiException.conflict("totp_already_enabled",
                    "Two-factor sign-in is already on; turn it off with a current code before enrolling again.");
        }
        audit.record("staff.totp_enrolment_started", "staff", staffId, null, null);
        return new TotpEnrolment(secret, Totp.uri(account.username(), secret));
    }

    @Transactional
    public StaffView confirm(long staffId, String code) {
        Staff account = load(staffId);
        if (account.totpEnabled()) {
            throw ApiException.conflict("totp_already_enabled", "Two-factor sign-in is already on.");
        }
        if (account.totpSecretEnc() == null) {
            throw ApiException.conflict("totp_not_started", "Start the enrolment first to get a secret.");
        }
        if (!accept(account, code) || staff.enableTotp(staffId, account.totpSecretEnc(), clock.instant()) == 0) {
            throw wrongCode();
        }
        StaffView after = StaffView.from(load(staffId));
        audit.record("staff.totp_enabled", "staff", staffId, StaffView.from(account), after);
        return after;
    }

    @Transactional
    public StaffView disable(long staffId, String code) {
        Staff account = load(staffId);
        if (!account.totpEnabled()) {
            throw ApiException.conflict("totp_not_enabled", "Two-factor sign-in is not on.");
        }
        if (!accept(account, code)) {
            throw wrongCode();
        }
        staff.clearTotp(staffId, clock.instant());
        StaffView after = StaffView.from(load(staffId));
        audit.record("staff.totp_disabled", "staff", staffId, StaffView.from(account), after);
        return after;
    }

    /** Whether the code belongs to the account's secret right now and its time step wasn't used before. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean accept(Staff account, String code) {
        if (code == null || account.totpSecretEnc() == null) {
            return false;
        }
        String digits = code.replace(" ", "");
        if (!digits.matches("\\d{" + Totp.DIGITS + "}")) {
            return false;
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(cipher.decrypt(account.totpSecretEnc()), digits, now);
        return step.isPresent() && staff.useTotpStep(account.id(), step.getAsLong()) == 1;
    }

    private Staff load(long staffId) {
        return staff.findById(staffId).orElseThrow(() -> ApiException.notFound("Staff member", staffId));
    }

    private static ApiException wrongCode() {
        return InvalidInputException.field("code", "invalid_code",
                "wrong or expired code, or one already used; wait for the next one");
    }

    static ApiException required() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "totp_required",
                "This account has two-factor sign-in: send the current code from the authenticator app as totp.");
    }
}
