package dev.darkmaximus.dm2import;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A real DM2 users.db for a test: DM2's own schema (src/test/resources/dm2/dm2-schema.sql), then the test's rows. */
public final class Dm2Database {

    private final Path file;

    public Dm2Database(Path file) throws IOException, SQLException {
        this.file = file;
        String schema;
        try (InputStream in = Dm2Database.class.getResourceAsStream("/dm2/dm2-schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            for (String sql : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                // sqlite_sequence is SQLite's own: it appears in a dump but can't be created by hand.
                if (!sql.isBlank() && !sql.contains("sqlite_sequence")) {
                    statement.execute(sql);
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    /** One INSERT with its values bound as given (a Double stays a REAL, as DM2's Python wrote it). */
    public Dm2Database insert(String sql, Object... values) throws SQLException {
        try (Connection connection = open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
        return this;
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
