package dev.darkmaximus.catalog.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface HostRepository extends ListCrudRepository<Host, Long> {

    @Query("SELECT * FROM hosts ORDER BY display_order, lower(name)")
    List<Host> findAllOrdered();

    @Query("SELECT * FROM hosts WHERE enabled ORDER BY display_order, lower(name)")
    List<Host> findEnabledOrdered();

    @Query("SELECT * FROM hosts WHERE lower(name) = lower(:name)")
    Optional<Host> findByNameIgnoreCase(String name);

    /** Health is written on its own, without touching the version: a check must not clash with an admin's edit. */
    @Modifying
    @Query("""
            UPDATE hosts SET health_last_ok_at = CASE WHEN :ok THEN :at ELSE health_last_ok_at END,
                             health_last_error = CASE WHEN :ok THEN health_last_error ELSE :error END,
                             health_last_error_at = CASE WHEN :ok THEN health_last_error_at ELSE :at END,
                             circuit_state = :circuitState,
                             panel_version = COALESCE(:panelVersion, panel_version),
                             panel_api = COALESCE(:panelApi, panel_api)
            WHERE id = :id""")
    void recordHealth(long id, boolean ok, String error, Instant at, String circuitState, String panelVersion,
                      String panelApi);
}
