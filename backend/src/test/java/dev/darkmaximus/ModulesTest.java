package dev.darkmaximus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (ARCHITECTURE §3, ADR 0005): no cycles between features, and a feature uses only another's
 * published types (its base package, or a named interface). The module diagram in {@code docs/modules} is generated
 * here; run with {@code -Ddm.docs.write=true} (or {@code make docs}) after changing a boundary.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(DarkMaximusApplication.class);
    private static final Path COMMITTED = Path.of("../docs/modules");

    @Test
    void boundariesHold() {
        MODULES.verify();
    }

    @Test
    void theCommittedDiagramIsCurrent() throws IOException {
        Path out = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml().writeModuleCanvases();
        Path generated = out.resolve("components.puml");
        if (Boolean.getBoolean("dm.docs.write")) {
            Files.createDirectories(COMMITTED);
            try (var files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Files.copy(file, COMMITTED.resolve(file.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Modulith writes modules and relations in hash order, so compare the lines, not their order.
        assertThat(sortedLines(COMMITTED.resolve("components.puml")))
                .as("docs/modules is stale: run make docs").isEqualTo(sortedLines(generated));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
