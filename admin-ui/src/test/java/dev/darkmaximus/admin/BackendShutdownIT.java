package dev.darkmaximus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The backend as operators run it (`make run`: embedded PostgreSQL under its data directory), stopped with SIGTERM
 * and started again: a clean, quick shutdown (workers and jobs before the database, no errors in the log), and a
 * database that is password-protected and comes back with its data.
 */
class BackendShutdownIT {

    @Test
    void sigtermStopsCleanlyAndTheProtectedDatabaseStartsAgain() throws Exception {
        Path dataDir = Files.createTempDirectory("dm-shutdown-it");
        Path firstLog = Path.of("target", "backend-shutdown-1.log");
        Path secondLog = Path.of("target", "backend-shutdown-2.log");

        Duration firstStop = runAndStop(dataDir, firstLog);
        Path password = dataDir.resolve("postgres.password");
        assertThat(password).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
        assertThat(Files.readString(dataDir.resolve("postgres").resolve("pg_hba.conf"))).contains("scram-sha-256")
                .doesNotContain(" trust");
        Duration secondStop = runAndStop(dataDir, secondLog);

        for (Path log : new Path[] {firstLog, secondLog}) {
            String text = Files.readString(log);
            assertThat(text).doesNotContain("terminating connection due to administrator command");
            assertThat(text.lines().filter(l -> l.contains(" ERROR ")).toList()).isEmpty();
        }
        // Generous for a loaded two-core machine; on an idle one it is about a second.
        assertThat(firstStop).isLessThan(Duration.ofSeconds(15));
        assertThat(secondStop).isLessThan(Duration.ofSeconds(15));
    }

    private static Duration runAndStop(Path dataDir, Path log) throws Exception {
        Process process = BackendProcess.standalone(dataDir, BackendProcess.freePort(), "shutdown-it-password", log);
        try {
            Instant stop = Instant.now();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("backend exited after SIGTERM").isTrue();
            return Duration.between(stop, Instant.now());
        } finally {
            process.destroyForcibly();
        }
    }
}
