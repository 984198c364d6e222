package dev.darkmaximus.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.testsupport.IntegrationTest;

/** Liquibase runs when the changelog files differ from those that last migrated the database, and only then. */
class SchemaFingerprintIT extends IntegrationTest {

    @Autowired
    MigrationsConfiguration.Migrations migrations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUpToDateSchemaSkipsLiquibaseAndAnyChangeRunsIt() throws Exception {
        assertThat(stored()).as("written by the start that migrated the database").isEqualTo(migrations.fingerprint());

        migrations.afterPropertiesSet(); // a second node, or the next start, with the same files
        assertThat(migrations.skipped()).isTrue();

        jdbc.sql("UPDATE schema_fingerprint SET sha256 = 'from-other-changelog-files'").update();
        long changesets = count();
        migrations.afterPropertiesSet(); // files that differ: Liquibase checks and migrates, then records them
        assertThat(migrations.skipped()).isFalse();
        assertThat(stored()).isEqualTo(migrations.fingerprint());
        assertThat(count()).as("nothing new to apply, nothing applied twice").isEqualTo(changesets);

        jdbc.sql("DROP TABLE schema_fingerprint").update(); // e.g. a database restored from a backup
        migrations.afterPropertiesSet();
        assertThat(migrations.skipped()).isFalse();
        assertThat(stored()).isEqualTo(migrations.fingerprint());
    }

    private String stored() {
        return jdbc.sql("SELECT sha256 FROM schema_fingerprint WHERE id = 1").query(String.class).single();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single();
    }
}
