package dev.darkmaximus.auth.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface RefreshTokenRepository extends ListCrudRepository<RefreshToken, Long> {

    /** Locks the row so two concurrent refreshes with the same token can't both succeed. */
    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshToken> findForUpdate(String tokenHash);

    @Modifying
    @Query("UPDATE refresh_tokens SET used_at = :at WHERE id = :id AND used_at IS NULL")
    int markUsed(long id, Instant at);

    @Modifying
    @Query("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
    int revokeFamily(UUID familyId, Instant at);

    /** Ends every session of one account (deactivated staff, a reset password). */
    @Modifying
    @Query("UPDATE refresh_tokens SET revoked_at = :at WHERE subject = :subject AND revoked_at IS NULL")
    int revokeSubject(String subject, Instant at);

    @Modifying
    @Query("DELETE FROM refresh_tokens WHERE expires_at < :before")
    int deleteExpiredBefore(Instant before);
}
