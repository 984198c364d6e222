package dev.darkmaximus.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.auth.persistence.RefreshTokenRepository;
import dev.darkmaximus.auth.persistence.Staff;
import dev.darkmaximus.auth.persistence.StaffRepository;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * Admins managing staff accounts (SPEC §10 "Staff"). The shop must always keep an admin who can sign in, so nobody
 * can demote or deactivate themselves, and the last active admin can't be demoted or deactivated by anyone.
 */
@Service
public class StaffAdminService {

    private final StaffRepository staff;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final Clock clock;

    StaffAdminService(StaffRepository staff, RefreshTokenRepository refreshTokens, PasswordEncoder passwords,
                      AuditService audit, Clock clock) {
        this.staff = staff;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<StaffView> list() {
        return staff.listAll().stream().map(StaffView::from).toList();
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        return StaffView.from(load(id));
    }

    @Transactional
    public StaffView create(NewStaff account) {
        requireStaffRole(account.role());
        if (staff.findByLogin(account.username()).isPresent()) {
            throw InvalidInputException.conflict("username_taken", "username", "another staff member has this login");
        }
        requireTelegramFree(account.telegramId(), null);
        StaffService.requireBcryptLength(account.password(), "password");
        Staff saved = staff.save(Staff.create(account.username(), passwords.encode(account.password()),
                account.role().name(), account.telegramId()));
        StaffView view = StaffView.from(saved);
        audit.record("staff.create", "staff", saved.id(), null, view);
        return view;
    }

    @Transactional
    public StaffView update(long id, StaffAccess access, Long actingStaffId) {
        requireStaffRole(access.role());
        boolean staysAdmin = access.active() && access.role() == Role.ADMIN;
        if (!staysAdmin) {
            if (Long.valueOf(id).equals(actingStaffId)) {
                throw ApiException.conflict("cannot_demote_self",
                        "You can't deactivate your own account or take away your own admin role; ask another admin.");
            }
            List<Long> activeAdmins = staff.lockActiveAdminIds();
            if (activeAdmins.equals(List.of(id))) {
                throw ApiException.conflict("last_admin",
                        "This is the last active admin; make someone else admin first.");
            }
        }
        Staff current = load(id);
        requireTelegramFree(access.telegramId(), id);
        Instant now = clock.instant();
        staff.updateAccess(id, access.role().name(), access.active(), access.telegramId(), now);
        if (current.active() && !access.active()) {
            refreshTokens.revokeSubject(TokenService.STAFF_PREFIX + id, now);
        }
        StaffView after = StaffView.from(load(id));
        audit.record("staff.update", "staff", id, StaffView.from(current), after);
        return after;
    }

    /** Sets a new password and ends the account's sessions, since a reset usually means the old one leaked. */
    @Transactional
    public void resetPassword(long id, String password) {
        StaffService.requireBcryptLength(password, "password");
        Staff current = load(id);
        Instant now = clock.instant();
        staff.updatePassword(id, passwords.encode(password), now);
        refreshTokens.revokeSubject(TokenService.STAFF_PREFIX + id, now);
        audit.record("staff.password_reset", "staff", id, null, StaffView.from(current));
    }

    /** For someone who lost their authenticator: they sign in with the password alone and may enrol again. */
    @Transactional
    public StaffView resetTotp(long id) {
        Staff current = load(id);
        staff.clearTotp(id, clock.instant());
        StaffView after = StaffView.from(load(id));
        audit.record("staff.totp_reset", "staff", id, StaffView.from(current), after);
        return after;
    }

    @Transactional
    public StaffView unlock(long id) {
        Staff current = load(id);
        staff.unlock(id, clock.instant());
        StaffView after = StaffView.from(load(id));
        audit.record("staff.unlock", "staff", id, StaffView.from(current), after);
        return after;
    }

    private void requireTelegramFree(Long telegramId, Long ownerId) {
        if (telegramId != null && staff.findByTelegramId(telegramId).filter(s -> !s.id().equals(ownerId)).isPresent()) {
            throw InvalidInputException.conflict("telegram_id_taken", "telegramId",
                    "another staff member has linked this Telegram account");
        }
    }

    private static void requireStaffRole(Role role) {
        if (role != Role.ADMIN && role != Role.OPERATOR) {
            throw InvalidInputException.field("role", "invalid_value", "must be admin or operator");
        }
    }

    private Staff load(long id) {
        return staff.findById(id).orElseThrow(() -> ApiException.notFound("Staff member", id));
    }
}
