package dev.darkmaximus;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import dev.darkmaximus.platform.backup.RestoreCommand;

@SpringBootApplication
public class DarkMaximusApplication {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "restore".equals(args[0])) {
            // A backup restored into an empty database, then exit (docs/ops/backup.md): the shop doesn't start.
            RestoreCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(DarkMaximusApplication.class, args);
    }
}
