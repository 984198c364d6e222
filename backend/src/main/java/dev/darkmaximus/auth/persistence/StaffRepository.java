package dev.darkmaximus.auth.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface StaffRepository extends ListCrudRepository<Staff, Long> {

    @Query("SELECT * FROM staff WHERE lower(username) = lower(:username)")
    Optional<Staff> findByLogin(String username);

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

    @org.springframework.data.jdbc.repository.query.Modifying
    @org.springframework.data.jdbc.repository.query.Query(
            "UPDATE staff SET telegram_id = :telegramId, version = version + 1 WHERE id = :id")
    int linkTelegram(long id, long telegramId);
}
