package dev.darkmaximus.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text the UI asks for exists in English and Russian, so no operator meets a raw key. */
class TranslationsTest {

    private static final Pattern USED = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Properties en = load("translations.properties");
        Properties ru = load("translations_ru.properties");
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USED.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        for (String key : used) {
            // "support.filter." + status: a family of keys, one per value.
            assertThat(key.endsWith(".") ? en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                    : en.containsKey(key)).as(key).isTrue();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void russianForRussianBrowsersEnglishOtherwiseWithPlainNumbersAndApostrophes() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("nav.support", Locale.forLanguageTag("ru-RU"))).isEqualTo("Поддержка");
        assertThat(translations.getTranslation("nav.support", Locale.US)).isEqualTo("Support");
        assertThat(translations.getTranslation("nav.support", Locale.GERMANY)).isEqualTo("Support");
        assertThat(translations.getTranslation("customer.facts", Locale.US, 700000000123L, "en", "x", "no"))
                .startsWith("Telegram id 700000000123 ·");
        assertThat(translations.getTranslation("broadcasts.cancelTitle", Locale.US, 5))
                .isEqualTo("Cancel broadcast #5?");
    }
}
