package dev.darkmaximus.dm2import;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A DM2 {@code users.db}, opened read-only: the importer never writes to the shop it moves away from. Rows are
 * streamed one at a time (a big shop has hundreds of thousands of transactions) as name → value maps.
 */
final class Dm2Source implements AutoCloseable {

    /** One row; {@code null} for NULL and for a column this DM2 version doesn't have. */
    record Row(Map<String, Object> values) {
        Object get(String column) {
            return values.get(column);
        }

        String text(String column) {
            Object value = values.get(column);
            return value == null ? null : value.toString();
        }

        Long number(String column) {
            Object value = values.get(column);
            if (value instanceof Number n) {
                return n.longValue();
            }
            if (value instanceof String s && !s.isBlank()) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }

        boolean flag(String column, boolean whenNull) {
            Object value = values.get(column);
            if (value == null) {
                return whenNull;
            }
            String text = value.toString().strip().toLowerCase(Locale.ROOT);
            return text.equals("1") || text.equals("true") || text.equals("1.0");
        }
    }

    @FunctionalInterface
    interface RowHandler {
        void row(Row row) throws Exception;
    }

    private final Connection connection;
    private final Set<String> tables = new HashSet<>();

    Dm2Source(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        // mode=ro: SQLite refuses writes; immutable is not set, so a DM2 still running is read consistently.
        this.connection = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            connection.close();
            throw new Dm2Importer.NotADm2Database(file + " is not a SQLite database: " + e.getMessage(), e);
        }
        for (String needed : new String[] {"users", "vpn_keys", "xui_hosts"}) {
            if (!tables.contains(needed)) {
                connection.close();
                throw new Dm2Importer.NotADm2Database(file + " is not a Dark Maximus 2 users.db: no table " + needed,
                        null);
            }
        }
    }

    boolean has(String table) {
        return tables.contains(table);
    }

    long count(String table) throws SQLException {
        if (!has(table)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Every row of a query over DM2's own tables (a missing table reads as empty). */
    void each(String table, String sql, RowHandler handler) throws Exception {
        if (!has(table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                int columns = meta.getColumnCount();
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>(columns * 2);
                    for (int i = 1; i <= columns; i++) {
                        values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                    handler.row(new Row(values));
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
