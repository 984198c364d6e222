package dev.darkmaximus.platform.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

import dev.darkmaximus.platform.DataDirectory;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.jobs.JobLeases;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.telegram.BotApiClient;

/**
 * Scheduled backups (SPEC §16): every {@code admin.backup-interval} one node (the one that takes the job's lease)
 * writes a {@link DatabaseDump}, gzipped, to the backup directory, under a temporary name moved into place only when
 * complete, then deletes all but the newest {@code admin.backup-keep}. A failure is logged as an error (the log chat
 * hears of it) and shows in {@code dm_backup_last_success_seconds} not moving.
 */
@Service
public class Backups {

    static final String SUFFIX = ".dmdump.gz";
    /** The Bot API's upload limit for a bot. */
    private static final long TELEGRAM_UPLOAD_LIMIT = 50L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final ShopSettings settings;
    private final DataDirectory dataDirectory;
    private final JobLeases leases;
    private final Clock clock;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final BotApiClient bot;
    private final AtomicLong lastSuccess = new AtomicLong();
    private final boolean jobsEnabled;

    Backups(DataSource dataSource, ShopSettings settings, DataDirectory dataDirectory, JobLeases leases, Clock clock,
            MeterRegistry meters, AuditService audit, TransactionTemplate transactions,
            BotApiClient bot, @Value("${dm.jobs.enabled:true}") boolean jobsEnabled) {
        this.bot = bot;
        this.jobsEnabled = jobsEnabled;
        this.audit = audit;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.leases = leases;
        this.clock = clock;
        Gauge.builder("dm.backup.last.success.seconds", lastSuccess, AtomicLong::get)
                .description("Unix time of this node's last successful backup; 0 = none since it started")
                .register(meters);
    }

    /** Runs a backup when one is due: the lease, held for the whole interval, lets one node per interval do it. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT2M")
    void whenDue() {
        if (!jobsEnabled || !settings.backupEnabled() || !leases.tryAcquire("backup", settings.backupInterval())) {
            return;
        }
        try {
            runNow();
        } catch (RuntimeException e) { // tried again at the next check (5 min), not a whole interval later
            leases.release("backup");
            log.atError().setCause(e).log("scheduled backup failed");
        }
    }

    /** An admin's backup now, in the audit log under their name. */
    public Backup runNowAudited() {
        Backup done = runNow();
        transactions.executeWithoutResult(tx -> audit.record("backup.run", "backup", done.file(), null, done));
        return done;
    }

    /** Writes a backup now; answers what was written. One at a time on a node: an admin's and the schedule's queue. */
    public synchronized Backup runNow() {
        Path directory = directory();
        Instant now = clock.instant();
        Path target = directory.resolve("dm-" + NAME.format(now) + SUFFIX);
        Path partial = directory.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(directory);
            long rows;
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16);
                 Connection connection = dataSource.getConnection()) {
                rows = DatabaseDump.write(connection, out, now);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            prune(directory);
            lastSuccess.set(now.getEpochSecond());
            Backup done = new Backup(target.getFileName().toString(), Files.size(target), rows, now);
            log.atInfo().addKeyValue("file", target).addKeyValue("bytes", done.bytes()).addKeyValue("rows", rows)
                    .log("backup written");
            toAdminChat(target, done);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + directory + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed reading the database", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) { // a leftover .part is never mistaken for a backup (no suffix match)
                log.atDebug().log("could not delete {}", partial);
            }
        }
    }

    /** As DM2 did: the file in the admin chat too, when asked for and small enough; never fails the backup. */
    private void toAdminChat(Path file, Backup done) {
        if (!settings.backupToAdminChat() || settings.adminChatId().isEmpty() || !bot.configured()) {
            return;
        }
        if (done.bytes() > TELEGRAM_UPLOAD_LIMIT) {
            log.atWarn().addKeyValue("bytes", done.bytes()).log("backup too large for the admin chat; kept on disk");
            return;
        }
        try {
            bot.execute(SendDocument.builder().chatId(settings.adminChatId().get())
                    .document(new InputFile(file.toFile(), done.file()))
                    .caption("💾 " + done.file() + ": " + done.rows() + " rows, " + (done.bytes() / 1024) + " KB")
                    .build(), Duration.ofMinutes(2));
        } catch (RuntimeException e) { // the backup is on disk either way
            log.atWarn().addKeyValue("error", e.toString()).log("backup not sent to the admin chat");
        }
    }

    /** The backups in the directory, newest first. */
    public List<Backup> list() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(f -> {
                        try {
                            return new Backup(f.getFileName().toString(), Files.size(f), null,
                                    Files.getLastModifiedTime(f).toInstant());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        String configured = settings.backupDirectory();
        return configured.isBlank() ? dataDirectory.resolve("backups") : Path.of(configured.strip());
    }

    private void prune(Path directory) throws IOException {
        List<Backup> all = list();
        for (Backup old : all.subList(Math.min(settings.backupKeep(), all.size()), all.size())) {
            Files.deleteIfExists(directory.resolve(old.file()));
        }
    }

    /** @param rows null for a backup listed from the directory (not counted again) */
    public record Backup(String file, long bytes, Long rows, Instant createdAt) {
    }
}
