package dev.darkmaximus.catalog.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface PlanRepository extends ListCrudRepository<Plan, Long> {

    @Query("SELECT * FROM plans ORDER BY host_id, display_order, id")
    List<Plan> findAllOrdered();

    @Query("SELECT * FROM plans WHERE host_id = :hostId ORDER BY display_order, id")
    List<Plan> findByHost(long hostId);

    @Query("SELECT * FROM plans WHERE visibility = 'VISIBLE' AND NOT trial ORDER BY host_id, display_order, id")
    List<Plan> findOnSale();

    boolean existsByHostId(long hostId);
}
