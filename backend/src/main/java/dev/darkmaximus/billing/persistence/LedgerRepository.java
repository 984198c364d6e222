package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Append-only: entries are inserted, never updated or deleted. */
public interface LedgerRepository extends ListCrudRepository<LedgerEntry, Long> {

    @Query("""
            SELECT * FROM balance_entries WHERE customer_id = :customerId
              AND (CAST(:before AS bigint) IS NULL OR id < CAST(:before AS bigint))
            ORDER BY id DESC LIMIT :limit""")
    List<LedgerEntry> findStatement(long customerId, Long before, int limit);
}
