package dev.darkmaximus.messaging.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Admin-edited template texts, one per key and language. */
@Repository
public class TemplateOverrides {

    private final JdbcClient jdbc;

    public TemplateOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String templateKey, String language, String text, String updatedBy, Instant updatedAt) {
    }

    public List<Row> all() {
        return jdbc.sql("SELECT template_key, language, text, updated_by, updated_at FROM message_templates")
                .query(Row.class).list();
    }

    public void put(String key, String language, String text, String by) {
        jdbc.sql("""
                        INSERT INTO message_templates (template_key, language, text, updated_by, updated_at)
                        VALUES (:key, :language, :text, :by, now())
                        ON CONFLICT (template_key, language)
                        DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("key", key).param("language", language).param("text", text).param("by", by).update();
    }

    public boolean delete(String key, String language) {
        return jdbc.sql("DELETE FROM message_templates WHERE template_key = :key AND language = :language")
                .param("key", key).param("language", language).update() == 1;
    }
}
