package dev.darkmaximus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.testsupport.IntegrationTest;

class ApplicationStartsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void liquibaseMigratesAnEmptyDatabase() {
        assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT name FROM customer_groups WHERE is_default").query(String.class).single())
                .isEqualTo("default");
    }
}
