package dev.darkmaximus.dm2import;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.darkmaximus.platform.crypto.SecretCipher;

/**
 * One import: the DM2 file to read, the shop's database to write (one connection, our own transactions), the map of
 * what earlier runs imported, and the report. An apply commits every {@link #BATCH} records, each batch with its map
 * rows; a dry run works in one transaction and rolls it back, so it meets the same constraints and says the same.
 * The big passes (customers, keys, payments) write a batch of {@link #BATCH} records in a few statements over arrays
 * ({@code unnest}), not a round trip per record: that is what moves the biggest shops in under a minute.
 */
final class ImportRun {

    static final int BATCH = 1_000;

    final Dm2Source source;
    final JdbcClient shop;
    final Dm2Report report;
    final Dm2Times times;
    final SecretCipher cipher;
    final Clock clock;
    final boolean withSecrets;
    private final Connection connection;
    private final boolean apply;
    /** The tables a run writes many rows to. */
    private static final List<String> WRITTEN = List.of("customers", "customer_group_members", "customer_totals",
            "balance_accounts", "balance_entries", "vpn_keys", "orders", "payments", "payment_transitions",
            "dm2_import_map");

    /** Kinds a shop has a few of: held in memory for the whole run. */
    private static final Set<String> SMALL = Set.of("host", "plan", "group", "promo", "setting");

    private final Map<String, Map<String, Long>> maps = new HashMap<>();
    private int uncommitted;
    private long standIns;

    ImportRun(Dm2Source source, Connection connection, boolean apply, Dm2Times times, SecretCipher cipher, Clock clock,
              boolean withSecrets) throws SQLException {
        this.source = source;
        this.connection = connection;
        this.apply = apply;
        this.times = times;
        this.cipher = cipher;
        this.clock = clock;
        this.withSecrets = withSecrets;
        this.report = new Dm2Report(!apply);
        connection.setAutoCommit(false);
        this.shop = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    boolean dryRun() {
        return !apply;
    }

    /**
     * In a dry run, an id for a row whose id people see (order numbers): negative, so the rolled-back run leaves the
     * sequence where it was; null in an apply, where the sequence gives it.
     */
    Long standInId() {
        return apply ? null : -(++standIns);
    }

    /**
     * What earlier runs (and this one) imported of a big kind (customers, their referrers and balances, keys,
     * payments, promo code uses), for one batch's DM2 keys: looked up batch by batch, never held, so the import's memory stays
     * flat whatever the size of the shop.
     */
    Map<String, Long> lookup(String kind, Collection<String> sourceKeys) {
        Map<String, Long> found = new HashMap<>();
        if (sourceKeys.isEmpty()) {
            return found;
        }
        shop.sql("""
                        SELECT source_key, target_id FROM dm2_import_map
                        WHERE kind = :kind AND source_key = ANY(CAST(:keys AS TEXT[]))""")
                .param("kind", kind).param("keys", sourceKeys.stream().distinct().toArray(String[]::new))
                .query((ResultSet rs) -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    /** What earlier runs (and this one) imported of a small kind (hosts, plans, groups, promo codes, settings). */
    Map<String, Long> mapped(String kind) {
        if (!SMALL.contains(kind)) {
            throw new IllegalArgumentException(kind + " is looked up batch by batch");
        }
        return maps.computeIfAbsent(kind, k -> {
            Map<String, Long> loaded = new HashMap<>();
            shop.sql("SELECT source_key, target_id FROM dm2_import_map WHERE kind = :kind").param("kind", k)
                    .query((ResultSet rs) -> {
                        loaded.put(rs.getString(1), rs.getLong(2));
                    });
            return loaded;
        });
    }

    /** Records one imported (or merged) record; part of the current batch. */
    void map(String kind, String sourceKey, long targetId) {
        shop.sql("""
                        INSERT INTO dm2_import_map (kind, source_key, target_id) VALUES (:kind, :key, :id)
                        ON CONFLICT (kind, source_key) DO NOTHING""")
                .param("kind", kind).param("key", sourceKey).param("id", targetId).update();
        remember(kind, sourceKey, targetId);
    }

    /** Records many imported (or merged) records in one statement; part of the current batch. */
    void mapAll(String kind, List<String> sourceKeys, List<Long> targetIds) {
        if (sourceKeys.isEmpty()) {
            return;
        }
        shop.sql("""
                        INSERT INTO dm2_import_map (kind, source_key, target_id)
                        SELECT :kind, k, t FROM unnest(CAST(:keys AS TEXT[]), CAST(:ids AS BIGINT[])) AS i(k, t)
                        ON CONFLICT (kind, source_key) DO NOTHING""")
                .param("kind", kind).param("keys", sourceKeys.toArray(String[]::new))
                .param("ids", targetIds.toArray(Long[]::new)).update();
        for (int i = 0; i < sourceKeys.size(); i++) {
            remember(kind, sourceKeys.get(i), targetIds.get(i));
        }
    }

    /** Keeps what was mapped of a small kind in memory; the big ones are looked up batch by batch. */
    private void remember(String kind, String sourceKey, long targetId) {
        if (SMALL.contains(kind)) {
            mapped(kind).put(sourceKey, targetId);
        }
    }

    /** A column of instants as ISO-8601 text, which PostgreSQL casts to {@code TIMESTAMPTZ[]}. */
    static <T> String[] instants(List<T> rows, Function<T, Instant> column) {
        return rows.stream().map(column).map(at -> at == null ? null : at.toString()).toArray(String[]::new);
    }

    /** Counts one record into the batch; an apply commits a full batch. */
    void done() throws SQLException {
        if (++uncommitted >= BATCH) {
            commit();
        }
    }

    /** An apply commits; a dry run keeps going in its one transaction. */
    void commit() throws SQLException {
        if (apply) {
            connection.commit();
        }
        uncommitted = 0;
    }

    /**
     * The planner's figures for the tables a pass fills, kept up to date as they grow. They grow from a few rows to
     * hundreds of thousands in one run, faster than autovacuum looks at them, and a table vacuumed after a dry run
     * counts as empty until analysed: each batch's statement, planned for an empty table, then reads the whole of
     * it (an apply after a dry run took 130 s instead of 15 s at 30,000 customers, each payment batch slower than
     * the one before). Analysed whenever what the pass wrote has doubled: a handful of times per pass.
     */
    Statistics statistics(String... tables) {
        return new Statistics(String.join(", ", tables));
    }

    final class Statistics {
        private final String tables;
        private long written;
        private long next = BATCH;

        private Statistics(String tables) {
            this.tables = tables;
        }

        /** Counts rows a batch wrote; analyses when the pass's rows have doubled since the last time. */
        void written(int rows) {
            written += rows;
            if (written >= next) {
                // Allowed in a transaction (a dry run's own rows count); a table this database user doesn't own is
                // skipped with a warning, not an error.
                shop.sql("ANALYZE " + tables).update();
                next = written * 2;
            }
        }
    }

    /** The end: an apply commits the last batch, a dry run undoes everything. */
    void finish() throws SQLException {
        if (apply) {
            connection.commit();
            return;
        }
        connection.rollback();
        // The rolled-back rows stay behind as dead tuples, in the tables and in their unique indexes, under the very
        // keys the apply that usually follows writes: each of its inserts and lookups would visit them. Vacuumed
        // now, outside a transaction as it must be; a table this database user doesn't own is skipped with a
        // warning, not an error.
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM " + String.join(", ", WRITTEN));
        } finally {
            connection.setAutoCommit(false);
        }
    }

    void abandon() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone: nothing uncommitted survives it either
        }
    }
}
