package dev.darkmaximus.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.darkmaximus.platform.DataDirectory;

/**
 * Runs PostgreSQL inside the process when no DATABASE_URL is configured, so a fresh machine needs nothing installed
 * (docs/adr/0002). Its data stays under the data directory across restarts, and is kept like a real server's: the
 * library's test defaults (fsync and synchronous commit off, every local connection trusted as superuser, listening
 * on every interface) are replaced by durable writes, loopback only, and a password generated at the first start
 * ({@code postgres.password} in the data directory, readable by its owner only).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseUrlCondition.class)
public class EmbeddedPostgresConfiguration { // public: the restore command (platform.backup) starts it alone

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    private static final String HBA = """
            # Written by Dark Maximus: every connection proves the password (postgres.password in the data directory).
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) {
        Path dir = dataDirectory.resolve("postgres");
        Path passwordFile = passwordFile(dataDirectory);
        try {
            Files.createDirectories(dir);
            String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // Stopped by the context, after the jobs and workers that use it, not by a JVM hook racing them.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("password_encryption", "scram-sha-256");
            if (password != null) {
                builder.setConnectConfig("password", password);
            }
            EmbeddedPostgres postgres = builder.start();
            if (password == null) {
                protect(postgres, dir, passwordFile);
            }
            log.atInfo().addKeyValue("dataDirectory", dir).addKeyValue("port", postgres.getPort())
                    .log("embedded PostgreSQL started (set DATABASE_URL to use your own server)");
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL failed to start in " + dir, e);
        }
    }

    /**
     * First start (or a data directory from before passwords): sets a random password for the superuser, keeps it
     * in a file only the owner can read, and makes every connection prove it from now on.
     */
    private static void protect(EmbeddedPostgres postgres, Path dir, Path passwordFile) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + password + "'"); // base64url: nothing to escape
            // The password is demanded before it is written down: a crash in between leaves a database nobody can
            // enter without it, never one that trusts everyone while the file says it is protected.
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
            statement.execute("SELECT pg_reload_conf()");
            Path written = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
            try {
                Files.deleteIfExists(written);
                Files.createFile(written, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                log.atWarn().log("could not restrict the embedded database's password file to its owner");
            }
            Files.writeString(written, password);
            Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new IOException("could not set the embedded database's password", e);
        }
    }

    private static Path passwordFile(DataDirectory dataDirectory) {
        return dataDirectory.resolve("postgres.password");
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, DataDirectory dataDirectory) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword(Files.readString(passwordFile(dataDirectory)).strip());
        config.setPoolName("embedded");
        config.setConnectionTimeout(3_000); // fail fast (503) while the database is unavailable
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
