package dev.darkmaximus.billing.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface WithdrawalRequestRepository extends ListCrudRepository<WithdrawalRequest, Long> {

    @Query("SELECT * FROM withdrawal_requests WHERE status = 'REQUESTED' ORDER BY created_at")
    List<WithdrawalRequest> findOpen();
}
