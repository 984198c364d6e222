package dev.darkmaximus.auth.persistence;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {

    @Query("SELECT * FROM api_keys WHERE key_hash = :keyHash AND revoked_at IS NULL")
    Optional<ApiKey> findActiveByHash(String keyHash);
}
