package dev.darkmaximus.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The directory where the embedded defaults keep what must survive a restart: the embedded database and the keys
 * generated on first start. Operators back it up as a whole (docs/configuration.md).
 */
@Component
public class DataDirectory {

    private final Path root;

    public DataDirectory(@Value("${dm.data-dir:./data}") String root) {
        this.root = Path.of(root).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Reads a generated secret from the data directory, creating it once with owner-only permissions when absent.
     */
    public String readOrCreateSecret(String name, Supplier<String> generator) {
        Path file = resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(root);
            String value = generator.get();
            Path tmp = Files.createTempFile(root, name, ".tmp");
            Files.writeString(tmp, value);
            restrictToOwner(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file system's ACLs apply; nothing more we can do portably.
        }
    }
}
