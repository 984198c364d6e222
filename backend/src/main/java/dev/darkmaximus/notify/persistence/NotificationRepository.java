package dev.darkmaximus.notify.persistence;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface NotificationRepository extends ListCrudRepository<Notification, Long> {

    @Query("SELECT * FROM notifications WHERE customer_id = :customerId ORDER BY id DESC LIMIT :limit")
    List<Notification> findRecent(long customerId, int limit);
}
