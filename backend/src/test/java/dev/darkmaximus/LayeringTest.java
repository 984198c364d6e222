package dev.darkmaximus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE §3: controllers call services, never repositories. Checked on the compiled classes' constructor and
 * field dependencies. Boundaries between features are {@link ModulesTest}'s.
 */
class LayeringTest {

    private static final String ROOT = "dev.darkmaximus.";

    @Test
    void apiClassesDependOnServicesNotPersistence() throws Exception {
        List<String> violations = new ArrayList<>();
        assertThat(mainClasses()).as("classes found to check").hasSizeGreaterThan(30);
        for (Class<?> type : mainClasses()) {
            if (!type.getPackageName().endsWith(".api")) {
                continue;
            }
            for (Class<?> dependency : dependencies(type)) {
                if (dependency.getPackageName().endsWith(".persistence")) {
                    violations.add(type.getName() + " -> " + dependency.getName());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Class<?>> dependencies(Class<?> type) {
        List<Class<?>> found = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            found.addAll(List.of(constructor.getParameterTypes()));
        }
        for (Field field : type.getDeclaredFields()) {
            found.add(field.getType());
        }
        return found;
    }

    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(DarkMaximusApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith(ROOT) && !name.contains("$")) {
                    result.add(Class.forName(name, false, LayeringTest.class.getClassLoader()));
                }
            }
        }
        return result;
    }
}
