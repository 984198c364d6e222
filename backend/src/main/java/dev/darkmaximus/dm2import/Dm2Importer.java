package dev.darkmaximus.dm2import;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.stereotype.Service;

import dev.darkmaximus.platform.crypto.SecretCipher;

/**
 * Imports a DM2 {@code users.db}: a dry run (everything done in one transaction, then rolled back, so the report is
 * what an apply would do) or an apply, batch by batch, safe to run again and to resume.
 */
@Service
public class Dm2Importer {

    /** How to run: {@code serverZone} is the zone DM2's server wrote its naive local times in. */
    public record Options(boolean apply, ZoneId serverZone, boolean withSecrets) {
    }

    /** Another import holds the lock: one at a time per database. */
    public static final class AlreadyRunning extends IllegalStateException {
        AlreadyRunning() {
            super("another DM2 import is running on this database");
        }
    }

    /** The file is not a SQLite database, or not DM2's. */
    public static final class NotADm2Database extends IllegalArgumentException {
        NotADm2Database(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DataSource dataSource;
    private final SecretCipher cipher;
    private final Clock clock;

    public Dm2Importer(DataSource dataSource, SecretCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Dm2Report run(Path usersDb, Options options) throws Exception {
        try (Dm2Source source = new Dm2Source(usersDb);
             Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            ImportRun run = new ImportRun(source, connection, options.apply(), new Dm2Times(options.serverZone()),
                    cipher, clock, options.withSecrets());
            try {
                // One import at a time, across nodes and the command line: the map is read once per run.
                if (!run.shop.sql("SELECT pg_try_advisory_lock(hashtext('dm2-import'))").query(Boolean.class)
                        .single()) {
                    throw new AlreadyRunning();
                }
                run.report.note("DM2 server's local times (registration dates, promo codes) read in "
                        + options.serverZone().getId() + "; keys' expiry in UTC and payments in Moscow time, as DM2 "
                        + "wrote them");
                CatalogPass catalog = new CatalogPass(run);
                catalog.run();
                new CustomerPass(run, catalog).run();
                new BalancePass(run).run();
                new KeyPass(run, catalog).run();
                new PaymentPass(run, catalog).run();
                new PromoAndSettingsPass(run).run();
                new PromoUsePass(run).run();
                run.finish();
                return run.report;
            } catch (Exception | Error e) {
                run.abandon();
                run.report.close();
                throw e;
            } finally {
                run.shop.sql("SELECT pg_advisory_unlock(hashtext('dm2-import'))").query(Boolean.class).single();
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
