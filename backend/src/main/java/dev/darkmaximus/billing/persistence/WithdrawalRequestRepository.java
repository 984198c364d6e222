package dev.darkmaximus.billing.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface WithdrawalRequestRepository extends ListCrudRepository<WithdrawalRequest, Long> {

    @Query("SELECT * FROM withdrawal_requests WHERE status = 'REQUESTED' ORDER BY created_at")
    List<WithdrawalRequest> findOpen();

    @Query("SELECT * FROM withdrawal_requests WHERE customer_id = :customerId AND status = 'REQUESTED'")
    Optional<WithdrawalRequest> findOpenOf(long customerId);

    @Query("""
            SELECT * FROM withdrawal_requests WHERE CAST(:status AS varchar) IS NULL OR status = CAST(:status AS varchar)
            ORDER BY id DESC LIMIT :limit""")
    List<WithdrawalRequest> findByStatus(String status, int limit);
}
