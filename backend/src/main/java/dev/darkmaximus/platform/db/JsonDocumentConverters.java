package dev.darkmaximus.platform.db;

import java.sql.SQLException;

import org.postgresql.util.PGobject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/** Maps {@link JsonDocument} to PostgreSQL's jsonb (the driver won't send a plain string into a jsonb column). */
@Configuration(proxyBeanMethods = false)
class JsonDocumentConverters {

    @Bean
    JdbcValueConverter<JsonDocument, PGobject> jsonDocumentWriter() {
        return new Writer();
    }

    @Bean
    JdbcValueConverter<PGobject, JsonDocument> jsonDocumentReader() {
        return new Reader();
    }

    @WritingConverter
    static final class Writer implements JdbcValueConverter<JsonDocument, PGobject> {
        @Override
        public PGobject convert(JsonDocument source) {
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            try {
                jsonb.setValue(source.json());
            } catch (SQLException e) {
                throw new IllegalArgumentException(e);
            }
            return jsonb;
        }
    }

    @ReadingConverter
    static final class Reader implements JdbcValueConverter<PGobject, JsonDocument> {
        @Override
        public JsonDocument convert(PGobject source) {
            return new JsonDocument(source.getValue());
        }
    }
}
