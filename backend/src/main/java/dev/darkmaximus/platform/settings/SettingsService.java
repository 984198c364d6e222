package dev.darkmaximus.platform.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.FieldError;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * The settings screen (SPEC §13): every setting with its default and current value, and changes that are checked
 * all together, stored together and audited one entry per changed setting. Secrets go in and never come out.
 */
@Service
public class SettingsService {

    static final String MASK = "***";

    private final ShopSettings settings;
    private final AuditService audit;

    SettingsService(ShopSettings settings, AuditService audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<SettingGroupView> list() {
        return list("en");
    }

    /** The settings with labels and help in {@code language} (ru or en; anything else reads as en). */
    @Transactional(readOnly = true)
    public List<SettingGroupView> list(String language) {
        Map<String, String> stored = settings.storedValues();
        Map<SettingGroup, List<SettingView>> byGroup = new EnumMap<>(SettingGroup.class);
        for (SettingDefinition definition : SettingCatalogue.all()) {
            byGroup.computeIfAbsent(definition.group(), group -> new ArrayList<>())
                    .add(SettingView.of(definition, stored.get(definition.key()), language));
        }
        return byGroup.entrySet().stream()
                .map(e -> new SettingGroupView(e.getKey(), e.getKey().label(language), List.copyOf(e.getValue())))
                .toList();
    }

    /**
     * Sets the given settings (a null or blank value = back to the default). Nothing is stored unless every value is
     * valid; each refusal names its setting's key as the field.
     */
    @Transactional
    public List<SettingGroupView> update(Map<String, String> values, String staffName) {
        return update(values, staffName, "en");
    }

    /** As {@link #update(Map, String)}, answering with the settings in {@code language}. */
    @Transactional
    public List<SettingGroupView> update(Map<String, String> values, String staffName, String language) {
        Map<String, String> stored = settings.storedValues();
        Map<String, String> wanted = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        values.forEach((key, raw) -> {
            Optional<SettingDefinition> definition = SettingCatalogue.find(key);
            if (definition.isEmpty()) {
                errors.add(new FieldError(key, "unknown_setting", "is not a setting"));
                return;
            }
            String stripped = raw == null ? "" : raw.strip();
            try {
                wanted.put(key, stripped.isEmpty() ? null : definition.get().normalize(stripped));
            } catch (InvalidSettingException e) {
                errors.add(new FieldError(key, e.code(), e.getMessage()));
            }
        });
        if (errors.stream().noneMatch(e -> TopUpRange.KEYS.contains(e.field()))) {
            errors.addAll(TopUpRange.check(wanted, stored));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "Some settings have invalid values; nothing was changed. See errors.", errors);
        }
        wanted.forEach((key, value) -> apply(SettingCatalogue.get(key), stored.get(key), value, staffName));
        return list(language);
    }

    private void apply(SettingDefinition definition, String before, String after, String staffName) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            settings.remove(definition.key());
        } else {
            settings.store(definition, after, staffName);
        }
        audit.record("setting.changed", "setting", definition.key(), new AuditedValue(shown(definition, before)),
                new AuditedValue(shown(definition, after)));
    }

    private static String shown(SettingDefinition definition, String value) {
        return definition.secret() && value != null ? MASK : value;
    }

    /** A setting's value as the audit log keeps it: null = the default, secrets as {@value #MASK}. */
    record AuditedValue(String value) {
    }
}
