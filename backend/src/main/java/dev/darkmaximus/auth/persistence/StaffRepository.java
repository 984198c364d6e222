package dev.darkmaximus.auth.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface StaffRepository extends ListCrudRepository<Staff, Long> {

    /** Whether the staff account is switched on (false when the row is gone): read when AccountAccess has no answer. */
    @Query("SELECT COALESCE((SELECT active FROM staff WHERE id = :id), FALSE)")
    boolean isActive(long id);

    @Query("SELECT * FROM staff WHERE lower(username) = lower(:username)")
    Optional<Staff> findByLogin(String username);

    /** The account row locked for a sign-in: parallel guesses are judged one after the other. */
    @Query("SELECT * FROM staff WHERE lower(username) = lower(:username) FOR UPDATE")
    Optional<Staff> lockByLogin(String username);

    @Query("SELECT * FROM staff ORDER BY id")
    List<Staff> listAll();

    /**
     * Counts a failed password atomically (parallel guesses can't slip past the limit) and locks the account on
     * the attempt that reaches it. Returns the new count; 0 means this attempt locked it.
     */
    @Query("""
            UPDATE staff SET
                failed_attempts = CASE WHEN failed_attempts + 1 >= :maxAttempts THEN 0 ELSE failed_attempts + 1 END,
                locked_until    = CASE WHEN failed_attempts + 1 >= :maxAttempts THEN :lockUntil ELSE locked_until END,
                updated_at      = :now
            WHERE id = :id
            RETURNING failed_attempts""")
    int recordFailure(long id, int maxAttempts, Instant lockUntil, Instant now);

    @Modifying
    @Query("UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_login_at = :now, updated_at = :now WHERE id = :id")
    void recordSuccess(long id, Instant now);

    Optional<Staff> findByTelegramId(long telegramId);

    @Modifying
    @Query("UPDATE staff SET telegram_id = :telegramId, version = version + 1 WHERE id = :id")
    int linkTelegram(long id, long telegramId);

    /**
     * Locks the rows of every active admin, so two admins demoting each other at once can't both pass the
     * "someone else stays admin" check.
     */
    @Query("SELECT id FROM staff WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE")
    List<Long> lockActiveAdminIds();

    @Modifying
    @Query("""
            UPDATE staff SET role = :role, active = :active, telegram_id = :telegramId, updated_at = :now,
                version = version + 1
            WHERE id = :id""")
    int updateAccess(long id, String role, boolean active, Long telegramId, Instant now);

    @Modifying
    @Query("UPDATE staff SET password_hash = :passwordHash, updated_at = :now, version = version + 1 WHERE id = :id")
    int updatePassword(long id, String passwordHash, Instant now);

    @Modifying
    @Query("UPDATE staff SET failed_attempts = 0, locked_until = NULL, updated_at = :now WHERE id = :id")
    int unlock(long id, Instant now);

    /** Replaces any pending enrolment with a new secret, not yet asked at sign-in. */
    @Modifying
    @Query("""
            UPDATE staff SET totp_secret_enc = :secretEnc, totp_enabled = FALSE, totp_last_step = NULL,
                updated_at = :now, version = version + 1
            WHERE id = :id AND NOT totp_enabled""")
    int startTotp(long id, String secretEnc, Instant now);

    /** Turns on the secret the code was checked against; 0 if the enrolment was restarted meanwhile. */
    @Modifying
    @Query("""
            UPDATE staff SET totp_enabled = TRUE, updated_at = :now, version = version + 1
            WHERE id = :id AND totp_secret_enc = :secretEnc AND NOT totp_enabled""")
    int enableTotp(long id, String secretEnc, Instant now);

    @Modifying
    @Query("""
            UPDATE staff SET totp_secret_enc = NULL, totp_enabled = FALSE, totp_last_step = NULL, updated_at = :now,
                version = version + 1
            WHERE id = :id""")
    int clearTotp(long id, Instant now);

    /** Spends a TOTP time step: 0 when this or a later step was already used (a replayed code). */
    @Modifying
    @Query("""
            UPDATE staff SET totp_last_step = :step
            WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)""")
    int useTotpStep(long id, long step);
}
