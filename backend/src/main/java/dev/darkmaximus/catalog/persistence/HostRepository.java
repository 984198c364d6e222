package dev.darkmaximus.catalog.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface HostRepository extends ListCrudRepository<Host, Long> {

    @Query("SELECT * FROM hosts ORDER BY display_order, lower(name)")
    List<Host> findAllOrdered();

    @Query("SELECT * FROM hosts WHERE enabled ORDER BY display_order, lower(name)")
    List<Host> findEnabledOrdered();

    @Query("SELECT * FROM hosts WHERE lower(name) = lower(:name)")
    Optional<Host> findByNameIgnoreCase(String name);
}
