package dev.darkmaximus.notify.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface BroadcastRepository extends ListCrudRepository<Broadcast, Long> {

    @Query("SELECT * FROM broadcasts WHERE status IN ('SCHEDULED', 'RUNNING') AND scheduled_at <= :now ORDER BY scheduled_at")
    List<Broadcast> findDue(Instant now);
}
