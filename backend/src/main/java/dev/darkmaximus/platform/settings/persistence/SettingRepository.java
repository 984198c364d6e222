package dev.darkmaximus.platform.settings.persistence;

import java.time.Instant;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface SettingRepository extends ListCrudRepository<Setting, String> {

    /** Settings are keyed by name, not generated ids, so writes are explicit upserts. */
    @Modifying
    @Query("""
            INSERT INTO settings (key, value, value_type, secret, updated_by, updated_at)
            VALUES (:key, :value, :valueType, :secret, :updatedBy, :at)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, value_type = EXCLUDED.value_type,
                secret = EXCLUDED.secret, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
    void upsert(String key, String value, String valueType, boolean secret, String updatedBy, Instant at);
}
