package dev.darkmaximus.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The settings screen reads in both languages: no setting may ship with English only, nor Russian for nothing. */
class SettingCatalogueLanguagesTest {

    @Test
    void everySettingHasARussianLabelAndHelp() {
        for (SettingDefinition definition : SettingCatalogue.all()) {
            String[] ru = SettingCatalogueRu.TEXTS.get(definition.key());
            assertThat(ru).as(definition.key()).isNotNull();
            assertThat(ru[0]).as(definition.key()).isNotBlank().isNotEqualTo(definition.label());
            assertThat(ru[1]).as(definition.key()).isNotBlank().containsPattern("[а-яё]");
            assertThat(SettingCatalogue.label(definition, "ru")).isEqualTo(ru[0]);
            assertThat(SettingCatalogue.label(definition, "en")).isEqualTo(definition.label());
        }
        assertThat(SettingCatalogueRu.TEXTS.keySet()).as("no Russian text for a setting that doesn't exist")
                .allMatch(key -> SettingCatalogue.find(key).isPresent());
        for (SettingGroup group : SettingGroup.values()) {
            assertThat(group.label("ru")).containsPattern("[А-Яа-яё]");
        }
    }
}
