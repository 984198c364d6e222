package dev.darkmaximus;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;

import dev.darkmaximus.dm2import.Dm2ImportCommand;
import dev.darkmaximus.platform.backup.RestoreCommand;

/**
 * Spring Data's web support is left out: no controller takes a Pageable, Sort or an entity looked up by id (the API
 * pages with its own cursors), and it would register Jackson 2 and 3 modules for Spring Data's types at every start
 * (make bench, idle memory; docs/benchmarks.md).
 */
@SpringBootApplication(exclude = DataWebAutoConfiguration.class)
public class DarkMaximusApplication {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "restore".equals(args[0])) {
            // A backup restored into an empty database, then exit (docs/ops/backup.md): the shop doesn't start.
            RestoreCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && "import-dm2".equals(args[0])) {
            // A Dark Maximus 2 shop imported (docs/migrating-from-dm2.md), then exit.
            Dm2ImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(DarkMaximusApplication.class, args);
    }
}
