package dev.darkmaximus.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL for the whole test JVM: TEST_DATABASE_URL when given, else an embedded PostgreSQL 17 started once
 * and shared by every Spring context, so extra contexts don't pay for another server.
 */
public final class TestDatabase {

    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop));
        }
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public static String username() {
        String external = System.getenv("TEST_DATABASE_USERNAME");
        return external != null ? external : "postgres";
    }

    public static String password() {
        String external = System.getenv("TEST_DATABASE_PASSWORD");
        return external != null ? external : "";
    }

    private static synchronized void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException ignored) {
            // JVM is exiting; the temp directory goes with it.
        }
    }
}
