package dev.darkmaximus.subscription.persistence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SyncReportRepository extends ListCrudRepository<SyncReport, Long> {

    @Query("SELECT * FROM sync_reports WHERE host_id = :hostId ORDER BY id DESC LIMIT :limit")
    List<SyncReport> findRecent(long hostId, int limit);

    @Query("SELECT * FROM sync_reports WHERE host_id = :hostId ORDER BY id DESC LIMIT 1")
    Optional<SyncReport> findLatest(long hostId);
}
