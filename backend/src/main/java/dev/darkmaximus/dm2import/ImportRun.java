package dev.darkmaximus.dm2import;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.darkmaximus.platform.crypto.SecretCipher;

/**
 * One import: the DM2 file to read, the shop's database to write (one connection, our own transactions), the map of
 * what earlier runs imported, and the report. An apply commits every {@link #BATCH} records, each batch with its map
 * rows; a dry run works in one transaction and rolls it back, so it meets the same constraints and says the same.
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

    /** What earlier runs (and this one) imported of one kind: DM2 key → our id. */
    Map<String, Long> mapped(String kind) {
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
        mapped(kind).put(sourceKey, targetId);
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

    /** The end: an apply commits the last batch, a dry run undoes everything. */
    void finish() throws SQLException {
        if (apply) {
            connection.commit();
        } else {
            connection.rollback();
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
