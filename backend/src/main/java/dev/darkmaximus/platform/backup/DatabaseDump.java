package dev.darkmaximus.platform.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A logical backup of the shop's database in plain Java, so it works the same against the Compose PostgreSQL and
 * the embedded one, with no pg_dump binary whose major version must match the server's. One consistent snapshot
 * (REPEATABLE READ): every table's rows in COPY text format, parents before children, and every sequence's value;
 * the schema is not copied but rebuilt by restore from the application's own migrations, up to the same changeset
 * the dump was taken at. Liquibase's own tables are not dumped.
 *
 * <pre>
 * DMDUMP 1
 * changesets 16
 * created 2026-12-06T03:30:00Z
 * SEQUENCE customers_id_seq 42 true
 * TABLE customers id,number,telegram_id,…
 * …COPY text rows…
 * \.
 * END
 * </pre>
 */
public final class DatabaseDump {

    static final String MAGIC = "DMDUMP 1";
    static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    /** Bookkeeping of the schema, which restore rebuilds: Liquibase's tables and the migrations' fingerprint. */
    private static final Set<String> LIQUIBASE = Set.of("databasechangelog", "databasechangeloglock",
            "schema_fingerprint");

    private DatabaseDump() {
    }

    /** Writes the whole database to {@code out} (not closed); returns the number of rows written. */
    public static long write(Connection connection, OutputStream out, Instant now) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        long rows = 0;
        try {
            line(out, MAGIC);
            line(out, "changesets " + single(connection, "SELECT count(*) FROM databasechangelog"));
            line(out, "created " + now);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'
                    ORDER BY sequencename""")) {
                while (rs.next()) {
                    long value = rs.getLong(2);
                    boolean called = !rs.wasNull();
                    line(out, "SEQUENCE " + rs.getString(1) + " " + (called ? value : 1) + " " + called);
                }
            }
            CopyCounter counter = new CopyCounter(out);
            for (String table : tablesParentsFirst(connection)) {
                List<String> columns = columns(connection, table);
                line(out, "TABLE " + table + " " + String.join(",", columns));
                counter.reset();
                ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyOut(
                        "COPY " + quote(table) + " (" + quoted(columns) + ") TO STDOUT", counter);
                rows += counter.lines();
                line(out, "\\.");
            }
            line(out, "END");
            connection.commit();
            return rows;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Restores a dump into an empty database: the schema from the application's migrations, up to the dump's
     * changeset; then the rows and sequence values in one transaction. The application migrates the rest when it
     * starts. Returns the number of rows restored.
     */
    public static long restore(Connection connection, InputStream in) throws SQLException, IOException,
            LiquibaseException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!MAGIC.equals(reader.readLine())) {
            throw new IllegalArgumentException("not a Dark Maximus dump (no " + MAGIC + " header)");
        }
        int changesets = Integer.parseInt(field(reader.readLine(), "changesets"));
        field(reader.readLine(), "created");
        long existing = single(connection, """
                SELECT count(*) FROM pg_tables WHERE schemaname = 'public'
                AND tablename NOT IN ('databasechangelog', 'databasechangeloglock')""");
        if (existing > 0) {
            throw new IllegalStateException("the target database is not empty (" + existing + " tables): restore "
                    + "into a new, empty database");
        }
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(),
                new JdbcConnection(connection));
        liquibase.update(changesets, new Contexts(), new LabelExpression());
        connection.setAutoCommit(false);
        long rows = 0;
        try {
            disableTriggersIfAllowed(connection);
            // The migrations seed some rows (a default group, settings); the dump has them as they were.
            try (Statement st = connection.createStatement()) {
                st.execute("TRUNCATE " + String.join(", ", tablesParentsFirst(connection).stream()
                        .map(DatabaseDump::quote).toList()) + " CASCADE");
            }
            String header;
            while ((header = reader.readLine()) != null && !header.equals("END")) {
                if (header.startsWith("SEQUENCE ")) {
                    String[] parts = header.split(" ");
                    try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?, ?, ?)")) {
                        setval.setString(1, "public." + quote(parts[1]));
                        setval.setLong(2, Long.parseLong(parts[2]));
                        setval.setBoolean(3, Boolean.parseBoolean(parts[3]));
                        setval.execute();
                    }
                } else if (header.startsWith("TABLE ")) {
                    String[] parts = header.split(" ", 3);
                    rows += copyIn(connection, parts[1], List.of(parts[2].split(",")), reader);
                } else {
                    throw new IllegalArgumentException("unexpected line in the dump: " + header);
                }
            }
            if (header == null) {
                throw new IllegalArgumentException("the dump is cut short (no END): it was not written completely");
            }
            // The feed orders events by their writing transaction's id, which means nothing in this database:
            // restored events count as written before anything new.
            try (Statement st = connection.createStatement()) {
                st.execute("UPDATE integration_events SET tx = CAST('0' AS xid8)");
            }
            connection.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static long copyIn(Connection connection, String table, List<String> columns, BufferedReader reader)
            throws SQLException, IOException {
        CopyIn copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                "COPY " + quote(table) + " (" + quoted(columns) + ") FROM STDIN");
        long rows = 0;
        try {
            String row;
            while ((row = reader.readLine()) != null && !row.equals("\\.")) {
                byte[] bytes = (row + "\n").getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                rows++;
            }
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * As a superuser (Compose's and the embedded database's owner are), foreign keys aren't checked while loading;
     * otherwise the parents-first order of the dump does it.
     */
    private static void disableTriggersIfAllowed(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SAVEPOINT before_role");
            st.execute("SET LOCAL session_replication_role = replica");
        } catch (SQLException notSuperuser) {
            try (Statement st = connection.createStatement()) {
                st.execute("ROLLBACK TO SAVEPOINT before_role");
            }
        }
    }

    /** The shop's tables, each after the tables its foreign keys point to (a cycle is broken by name order). */
    static List<String> tablesParentsFirst(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename""")) {
            while (rs.next()) {
                if (!LIQUIBASE.contains(rs.getString(1))) {
                    parents.put(rs.getString(1), new LinkedHashSet<>());
                }
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE c.contype = 'f' AND n.nspname = 'public'""")) {
            while (rs.next()) {
                String child = unquote(rs.getString(1));
                String parent = unquote(rs.getString(2));
                if (parents.containsKey(child) && !child.equals(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : parents.keySet()) {
            visit(table, parents, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(String table, Map<String, Set<String>> parents, List<String> ordered,
                              Set<String> visiting) {
        if (ordered.contains(table) || !visiting.add(table)) {
            return;
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            visit(parent, parents, ordered, visiting);
        }
        ordered.add(table);
    }

    /** The columns a COPY can fill: generated ones are computed again by the database. */
    private static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND is_generated = 'NEVER'
                ORDER BY ordinal_position""")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String field(String line, String name) {
        if (line == null || !line.startsWith(name + " ")) {
            throw new IllegalArgumentException("the dump's header lacks " + name);
        }
        return line.substring(name.length() + 1);
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String regclass) {
        String name = regclass.startsWith("public.") ? regclass.substring(7) : regclass;
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
    }

    private static String quoted(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseDump::quote).toList());
    }

    /** Passes COPY's output through, counting its lines (the rows). */
    private static final class CopyCounter extends OutputStream {

        private final OutputStream out;
        private long lines;

        CopyCounter(OutputStream out) {
            this.out = out;
        }

        void reset() {
            lines = 0;
        }

        long lines() {
            return lines;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                lines++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            out.write(b, off, len);
        }
    }
}
