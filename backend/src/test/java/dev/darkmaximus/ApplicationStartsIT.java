package dev.darkmaximus;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.IScopes;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.testsupport.IntegrationTest;

class ApplicationStartsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void liquibaseMigratesAnEmptyDatabase() {
        assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT name FROM customer_groups WHERE is_default").query(String.class).single())
                .isEqualTo("default");
    }

    @Test
    void withoutASentryDsnNothingOfSentryRuns() {
        assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
        assertThat(context.getBeansOfType(Filter.class).values())
                .noneMatch(filter -> filter.getClass().getName().startsWith("io.sentry"));
    }

    /** The heap is settled once started (platform.HeapAfterStart): its listener is part of the running shop. */
    @Test
    void theHeapIsSettledOnceStarted() {
        assertThat(context.containsBean("heapAfterStart")).isTrue();
    }
}
