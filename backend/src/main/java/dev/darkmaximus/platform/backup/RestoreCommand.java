package dev.darkmaximus.platform.backup;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.darkmaximus.platform.DataDirectory;
import dev.darkmaximus.platform.db.EmbeddedPostgresConfiguration;

/**
 * {@code java -jar backend.jar restore <file>}: restores a backup into the configured database (DATABASE_URL, or the
 * embedded one under DM_DATA_DIR), which must be empty, then exits. Nothing else of the shop starts: no web server,
 * no bot, no jobs, no migrations beyond the dump's own.
 */
// Deliberately not a @Configuration: the shop's component scan and the tests' search for a boot configuration must
// not find it. SpringApplication reads its annotations as the one source of the restore's own small context.
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@Import({DataDirectory.class, EmbeddedPostgresConfiguration.class})
public class RestoreCommand {

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar backend.jar restore <backup file>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file.toAbsolutePath());
            System.exit(2);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RestoreCommand.class)
                .web(WebApplicationType.NONE).properties("spring.liquibase.enabled=false",
                        "spring.main.banner-mode=off", "management.metrics.export.enabled=false").run();
             Connection connection = context.getBean(DataSource.class).getConnection();
             InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            long rows = DatabaseDump.restore(connection, in);
            System.out.println("restored " + rows + " rows from " + file + "; start the shop to finish migrating");
        }
    }
}
