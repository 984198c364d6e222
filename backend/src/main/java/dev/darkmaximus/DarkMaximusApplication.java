package dev.darkmaximus;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.darkmaximus.dm2import.Dm2ImportCommand;
import dev.darkmaximus.platform.backup.RestoreCommand;

@SpringBootApplication
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
