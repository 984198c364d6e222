package dev.darkmaximus.platform.db;

import org.springframework.core.convert.converter.Converter;

/**
 * Marker for converters that features contribute to Spring Data JDBC (e.g. a value type stored as text);
 * annotate the implementation with {@code @ReadingConverter} or {@code @WritingConverter} and make it a bean.
 */
public interface JdbcValueConverter<S, T> extends Converter<S, T> {
}
