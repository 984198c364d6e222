package dev.darkmaximus.catalog.persistence;

import org.springframework.data.repository.ListCrudRepository;

public interface PlanRepository extends ListCrudRepository<Plan, Long> {

    boolean existsByHostId(long hostId);
}
