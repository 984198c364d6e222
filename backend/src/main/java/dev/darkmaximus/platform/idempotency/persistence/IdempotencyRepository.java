package dev.darkmaximus.platform.idempotency.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface IdempotencyRepository extends ListCrudRepository<IdempotencyRecord, Long> {

    @Query("SELECT * FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :idempotencyKey AND expires_at > :now")
    Optional<IdempotencyRecord> findLive(String scope, String idempotencyKey, Instant now);

    @Modifying
    @Query("DELETE FROM idempotency_keys WHERE expires_at < :now")
    int deleteExpired(Instant now);
}
