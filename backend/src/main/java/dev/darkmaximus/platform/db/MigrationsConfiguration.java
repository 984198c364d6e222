package dev.darkmaximus.platform.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema migrations (Liquibase, as Spring Boot would run them), skipped when the database was last migrated by
 * these very changelog files: a SHA-256 of every file under db/changelog is kept in {@code schema_fingerprint} after
 * a successful run. Liquibase's check of an up-to-date schema cost 0.7 s of every start (make bench); any change to
 * a changelog file, a database without the table (new, or restored from a backup, which leaves it out) or an older
 * node's different files runs Liquibase as before, under its own lock.
 */
@Configuration(proxyBeanMethods = false)
class MigrationsConfiguration {

    @Bean
    Migrations liquibase(DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
        Migrations migrations = new Migrations();
        migrations.setDataSource(dataSource);
        migrations.setChangeLog(changeLog);
        return migrations;
    }

    /** Liquibase unless the stored fingerprint says the schema is already what these files make. */
    static final class Migrations extends SpringLiquibase {

        static final String TABLE = "schema_fingerprint";
        private static final Logger log = LoggerFactory.getLogger(Migrations.class);

        private volatile boolean skipped;

        @Override
        public void afterPropertiesSet() throws LiquibaseException {
            String fingerprint = fingerprint();
            if (fingerprint.equals(stored())) {
                skipped = true;
                log.atInfo().addKeyValue("fingerprint", fingerprint.substring(0, 12))
                        .log("database schema is up to date with these migrations: Liquibase not run");
                return;
            }
            skipped = false;
            super.afterPropertiesSet();
            if (shouldRun) { // a switched-off Liquibase migrated nothing: nothing to vouch for
                store(fingerprint);
            }
        }

        /** Whether the last start found the schema up to date (for the tests). */
        boolean skipped() {
            return skipped;
        }

        /** SHA-256 over every changelog file's path and content, in path order. */
        String fingerprint() {
            try {
                Resource[] files = new PathMatchingResourcePatternResolver(getResourceLoader())
                        .getResources("classpath*:db/changelog/**/*.*");
                Arrays.sort(files, Comparator.comparing(MigrationsConfiguration::path));
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Resource file : files) {
                    sha.update(path(file).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    try (InputStream in = file.getInputStream()) {
                        sha.update(in.readAllBytes());
                    }
                    sha.update((byte) 0);
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private String stored() {
            try (Connection connection = getDataSource().getConnection();
                 Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return null;
                }
                try (ResultSet row = st.executeQuery("SELECT sha256 FROM " + TABLE + " WHERE id = 1")) {
                    return row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the schema fingerprint", e);
            }
        }

        private void store(String fingerprint) {
            try (Connection connection = getDataSource().getConnection();
                 Statement st = connection.createStatement()) {
                // Made by changeset 018 under Liquibase's lock; here only again if someone dropped it.
                st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id INT PRIMARY KEY CHECK (id = 1), "
                        + "sha256 VARCHAR(64) NOT NULL, migrated_at TIMESTAMPTZ NOT NULL)");
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " VALUES (1, ?, now()) ON CONFLICT (id) DO UPDATE SET sha256 = EXCLUDED.sha256, "
                        + "migrated_at = EXCLUDED.migrated_at")) {
                    upsert.setString(1, fingerprint);
                    upsert.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not store the schema fingerprint", e);
            }
        }
    }

    private static String path(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.indexOf("db/changelog/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
