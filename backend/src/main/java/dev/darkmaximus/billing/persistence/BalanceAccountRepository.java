package dev.darkmaximus.billing.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface BalanceAccountRepository extends ListCrudRepository<BalanceAccount, Long> {

    /** Creates the account at zero if it doesn't exist yet; safe to race. */
    @Modifying
    @Query("""
            INSERT INTO balance_accounts (customer_id, account, currency, balance_minor)
            VALUES (:customerId, :account, :currency, 0)
            ON CONFLICT (customer_id, account, currency) DO NOTHING""")
    void ensureExists(long customerId, String account, String currency);

    @Query("""
            SELECT * FROM balance_accounts
            WHERE customer_id = :customerId AND account = :account AND currency = :currency FOR UPDATE""")
    Optional<BalanceAccount> findForUpdate(long customerId, String account, String currency);

    /**
     * Adds {@code delta} (negative to spend) unless that would overdraw; returns the new balance, or nothing when the
     * balance is too low. The caller writes the ledger entry in the same transaction.
     */
    @Query("""
            UPDATE balance_accounts SET balance_minor = balance_minor + :delta, updated_at = :at, version = version + 1
            WHERE id = :accountId AND balance_minor + :delta >= 0
            RETURNING balance_minor""")
    Optional<Long> apply(long accountId, long delta, Instant at);

    @Query("""
            SELECT balance_minor FROM balance_accounts
            WHERE customer_id = :customerId AND account = :account AND currency = :currency""")
    Optional<Long> findBalance(long customerId, String account, String currency);
}
