package dev.darkmaximus.dm2import;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import dev.darkmaximus.platform.DataDirectory;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.db.EmbeddedPostgresConfiguration;

/**
 * {@code java -jar backend.jar import-dm2 --file users.db [--dry-run | --apply] [--report file] [--dm2-zone zone]
 * [--with-secrets]}: imports a Dark Maximus 2 shop into the configured database (DATABASE_URL, or the embedded one
 * under DM_DATA_DIR), migrating its schema first; then exits. The shop itself doesn't start (no web server, bot or
 * jobs); a shop already running on the same database may keep running.
 */
// Not a @Configuration, as RestoreCommand: the shop's component scan must not find it.
@EnableAutoConfiguration
@Import({DataDirectory.class, EmbeddedPostgresConfiguration.class, SecretCipher.class})
public class Dm2ImportCommand {

    static final String USAGE = """
            usage: java -jar backend.jar import-dm2 --file <users.db> [--dry-run | --apply] [--report <file>]
                                                    [--dm2-zone <zone>] [--with-secrets]
              --dry-run       (the default) show what would be imported and every problem; change nothing
              --apply         import; safe to run again, and to re-run after it was cut off
              --report        also write the full report (every customer's money) to this file
              --dm2-zone      the time zone DM2's server wrote registration dates in (default UTC)
              --with-secrets  also carry over DM2's YooKassa shop id and secret key""";

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Dm2ImportCommand.class)
                .web(WebApplicationType.NONE).properties("spring.main.banner-mode=off",
                        "logging.level.root=warn").run()) {
            Dm2Importer importer = new Dm2Importer(context.getBean(DataSource.class),
                    context.getBean(SecretCipher.class), Clock.systemUTC());
            try (Dm2Report report = importer.run(arguments.file(),
                    new Dm2Importer.Options(arguments.apply(), arguments.zone(), arguments.withSecrets()))) {
                System.out.println(report.text(false));
                if (arguments.report() != null) {
                    Files.writeString(arguments.report(), report.text(true));
                    System.out.println("full report: " + arguments.report().toAbsolutePath());
                }
            }
        }
    }

    record Arguments(Path file, boolean apply, Path report, ZoneId zone, boolean withSecrets) {

        static Arguments parse(List<String> args) {
            Path file = null;
            Path report = null;
            ZoneId zone = ZoneOffset.UTC;
            Boolean apply = null;
            boolean secrets = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--file" -> file = Path.of(value(args, ++i, arg));
                    case "--report" -> report = Path.of(value(args, ++i, arg));
                    case "--dm2-zone" -> {
                        try {
                            zone = ZoneId.of(value(args, ++i, arg));
                        } catch (DateTimeException e) {
                            throw new IllegalArgumentException("--dm2-zone: " + e.getMessage());
                        }
                    }
                    case "--apply", "--dry-run" -> {
                        boolean wanted = arg.equals("--apply");
                        if (apply != null && apply != wanted) {
                            throw new IllegalArgumentException("--dry-run and --apply exclude each other");
                        }
                        apply = wanted;
                    }
                    case "--with-secrets" -> secrets = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--file is required");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath());
            }
            return new Arguments(file, apply != null && apply, report, zone, secrets);
        }

        private static String value(List<String> args, int index, String option) {
            if (index >= args.size() || args.get(index).startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(index);
        }
    }
}
