package dev.darkmaximus.platform.db;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.repository.config.EnableJdbcAuditing;

/** Spring Data JDBC setup shared by every feature: auditing timestamps and value-type conversions. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcAuditing(dateTimeProviderRef = "auditingDateTimeProvider")
class JdbcConfiguration {

    @Bean
    DateTimeProvider auditingDateTimeProvider(Clock clock) {
        return () -> Optional.of(clock.instant());
    }

    @Bean
    JdbcCustomConversions jdbcCustomConversions(List<JdbcValueConverter<?, ?>> converters) {
        return new JdbcCustomConversions(List.copyOf(converters));
    }
}
