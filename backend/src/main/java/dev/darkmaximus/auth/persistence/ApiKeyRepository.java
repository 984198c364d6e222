package dev.darkmaximus.auth.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

    @Query("SELECT * FROM api_keys WHERE key_hash = :keyHash AND revoked_at IS NULL")
    Optional<ApiKey> findActiveByHash(String keyHash);

    @Query("SELECT * FROM api_keys ORDER BY id DESC")
    List<ApiKey> listNewestFirst();

    /** Records a use unless one was recorded after {@code notAfter}: one write a minute per key, not per request. */
    @Modifying
    @Query("""
            UPDATE api_keys SET last_used_at = :now
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notAfter)""")
    int recordUse(long id, Instant now, Instant notAfter);

    @Modifying
    @Query("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(long id, Instant now);
}
