package dev.darkmaximus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Backups in the embedded mode (`make run`), end to end with the real jar: a shop takes a backup through the admin
 * API; `java -jar backend.jar restore <file>` loads it into a new, empty data directory; the shop started on that
 * directory lets the backed-up admin sign in with their password.
 */
class EmbeddedBackupRestoreIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "backup-it-password";

    @Test
    void aBackupTakenByTheShopRestoresIntoAFreshDataDirectory() throws Exception {
        Path original = Files.createTempDirectory("dm-backup-a");
        Path restored = Files.createTempDirectory("dm-backup-b");
        Path backup;
        int port = BackendProcess.freePort();
        Process shop = BackendProcess.standalone(original, port, PASSWORD, Path.of("target", "backup-a.log"));
        try {
            String token = field(post(port, "/api/v1/auth/admin/login",
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null), "accessToken");
            String file = field(post(port, "/api/v1/admin/backups", "", token), "file");
            backup = original.resolve("backups").resolve(file);
            assertThat(backup).exists();
        } finally {
            stop(shop);
        }

        Files.copy(original.resolve("secret.key"), restored.resolve("secret.key"));
        ProcessBuilder restore = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", BackendProcess.JAR.toAbsolutePath().toString(), "restore", backup.toString());
        restore.environment().put("DM_DATA_DIR", restored.toString());
        restore.environment().remove("DATABASE_URL");
        Path restoreLog = Path.of("target", "backup-restore.log");
        restore.redirectErrorStream(true).redirectOutput(restoreLog.toFile());
        Process restoring = restore.start();
        assertThat(restoring.waitFor(180, TimeUnit.SECONDS)).as("the restore command exits").isTrue();
        assertThat(restoring.exitValue()).as(Files.readString(restoreLog)).isZero();
        assertThat(Files.readString(restoreLog)).contains("restored ");

        int second = BackendProcess.freePort();
        Process again = BackendProcess.standalone(restored, second, "not-used-the-staff-exists",
                Path.of("target", "backup-b.log"));
        try {
            assertThat(field(post(second, "/api/v1/auth/admin/login",
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}", null), "accessToken")).isNotBlank();
        } finally {
            stop(again);
        }
    }

    private static String post(int port, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
