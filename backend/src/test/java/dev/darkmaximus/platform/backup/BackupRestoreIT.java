package dev.darkmaximus.platform.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.TestDatabase;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * Backup → restore → identical (SPEC §16): the shared test database, populated by this test (a paid order with its
 * key, a refund's ledger…) and by every test before it, is dumped, restored into a fresh database of the same
 * server, and every table compared row for row; sequences go on from where they were.
 */
class BackupRestoreIT extends PanelBackedTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    Backups backups;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseHasEveryRowAndSequence() throws Exception {
        Purchases money = new Purchases(api, shop, port, hostId, settings);
        money.paidByCard(shop.customer());
        shop.credit(shop.customer().id(), 12_345);

        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        long written;
        Map<String, String> source;
        try (Connection connection = dataSource.getConnection()) {
            written = DatabaseDump.write(connection, dump, Instant.now());
            source = fingerprints(connection);
        }
        assertThat(written).isPositive();

        String database = "restore_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try (Connection target = DriverManager.getConnection(urlOf(database), TestDatabase.username(),
                TestDatabase.password())) {
            long restored = DatabaseDump.restore(target, new ByteArrayInputStream(dump.toByteArray()));
            assertThat(restored).isEqualTo(written);
            Map<String, String> copy = fingerprints(target);
            assertThat(copy.keySet()).containsExactlyElementsOf(source.keySet());
            List<String> different = new ArrayList<>();
            source.forEach((table, print) -> {
                if (!print.equals(copy.get(table))) {
                    different.add(table);
                }
            });
            assertThat(different).as("tables whose rows differ after the restore").isEmpty();
            assertThat(sequence(target, "customers_id_seq")).isEqualTo(sequence(dataSource, "customers_id_seq"));

            assertThatThrownBy(() -> DatabaseDump.restore(target, new ByteArrayInputStream(dump.toByteArray())))
                    .as("never over existing data").hasMessageContaining("not empty");
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aBackupIsWrittenPrunedAndSentToTheAdminChatWhenAsked() throws Exception {
        Path directory = Files.createTempDirectory("dm-backups");
        settings.put(ShopSettings.BACKUP_DIRECTORY, directory.toString(), Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.BACKUP_KEEP, "2", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.BACKUP_TO_ADMIN_CHAT, "true", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.ADMIN_CHAT_ID, "-100424242", Setting.ValueType.STRING, "test");
        TestTelegram.server().stubFor(post(urlMatching("(?i)/bot[^/]+/sendDocument")).willReturn(okJson(
                "{\"ok\":true,\"result\":{\"message_id\":9,\"date\":1764950400,"
                        + "\"chat\":{\"id\":-100424242,\"type\":\"supergroup\"}}}")));
        try {
            Files.writeString(directory.resolve("dm-20200101-000000" + Backups.SUFFIX), "an old one");
            Files.writeString(directory.resolve("dm-20200102-000000" + Backups.SUFFIX), "another old one");
            Backups.Backup done = backups.runNow();
            assertThat(done.rows()).isPositive();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve(done.file())))) {
                assertThat(new String(in.readNBytes(8), StandardCharsets.UTF_8)).isEqualTo(DatabaseDump.MAGIC);
            }
            assertThat(backups.list()).extracting(Backups.Backup::file)
                    .as("the newest two kept").containsExactly(done.file(), "dm-20200102-000000" + Backups.SUFFIX);
            List<LoggedRequest> sent = TestTelegram.server().findAll(postRequestedFor(
                    urlMatching("(?i)/bot[^/]+/sendDocument")));
            assertThat(sent).isNotEmpty();
            assertThat(sent.getLast().getBodyAsString()).contains("-100424242", done.file());
        } finally {
            settings.put(ShopSettings.BACKUP_DIRECTORY, "", Setting.ValueType.STRING, "test");
            settings.put(ShopSettings.BACKUP_KEEP, "14", Setting.ValueType.STRING, "test");
            settings.put(ShopSettings.BACKUP_TO_ADMIN_CHAT, "false", Setting.ValueType.STRING, "test");
            settings.put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING, "test");
        }
    }

    @Test
    void aCutShortOrForeignFileIsRefused() {
        assertThatThrownBy(() -> DatabaseDump.restore(null, new ByteArrayInputStream("hello".getBytes())))
                .hasMessageContaining("not a Dark Maximus dump");
    }

    /**
     * Each table's rows, sorted, as one digest; integration_events.tx is left out: restore renumbers it on purpose
     * (transaction ids mean nothing in another database).
     */
    private static Map<String, String> fingerprints(Connection connection) throws SQLException {
        Map<String, String> prints = new LinkedHashMap<>();
        List<String> tables = DatabaseDump.tablesParentsFirst(connection).stream().sorted().toList();
        for (String table : tables) {
            String row = table.equals("integration_events") ? "(t.id, t.type, t.occurred_at, t.data)" : "t";
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) || ':' || COALESCE(md5(string_agg(CAST(" + row + " AS text), '|' ORDER BY "
                            + "CAST(" + row + " AS text))), '') FROM \"" + table + "\" t")) {
                rs.next();
                prints.put(table, rs.getString(1));
            }
        }
        return prints;
    }

    private static long sequence(Connection connection, String name) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT last_value FROM " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sequence(DataSource dataSource, String name) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return sequence(connection, name);
        }
    }

    private static String urlOf(String database) {
        String url = TestDatabase.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }
}
