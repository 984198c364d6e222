package dev.darkmaximus.admin.ui.settings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.plans.Rubles;
import dev.darkmaximus.client.api.AdminSettingsApi;
import dev.darkmaximus.client.model.Setting;
import dev.darkmaximus.client.model.SettingGroup;
import dev.darkmaximus.client.model.SettingsResponse;
import dev.darkmaximus.client.model.SettingsUpdateRequest;

/**
 * The shop's settings (SPEC §13), grouped, each with its default and limits in view. Only what changed is sent,
 * all at once; the backend checks everything before storing anything and its refusals land on their fields.
 * Secrets are write-only: the field shows whether one is set, never what it is.
 */
@AdminOnly
@Route(value = "settings", layout = MainLayout.class)
@PageTitle("Settings · Dark Maximus")
public class SettingsView extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BackendSession session;
    private final VerticalLayout groups = new VerticalLayout();
    private final Map<String, Field> fields = new LinkedHashMap<>();

    public SettingsView(BackendSession session) {
        this.session = session;
        setWidthFull();
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        groups.setPadding(false);
        add(save, groups);
        try {
            render(session.call(c -> new AdminSettingsApi(c).listSettings(language())));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void render(SettingsResponse response) {
        groups.removeAll();
        fields.clear();
        for (SettingGroup group : response.getGroups()) {
            H3 title = new H3(getTranslation("settings.group." + group.getGroup().getValue()));
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            for (Setting setting : group.getSettings()) {
                Field field = field(setting, form);
                fields.put(setting.getKey(), field);
                form.add(field.component());
            }
            groups.add(title, form);
        }
    }

    /** An input for one setting, and how to read it back as the API's string ("" = back to the default). */
    private Field field(Setting s, FormLayout form) {
        String id = "setting-" + s.getKey().replace('.', '-');
        String help = (s.getDescription() == null ? "" : s.getDescription())
                + (s.getDefaultValue() == null ? "" : " " + getTranslation("settings.default", shown(s, s.getDefaultValue())))
                + (s.getMin() == null ? "" : " " + getTranslation("settings.range", shown(s, s.getMin()), shown(s, s.getMax())));
        switch (s.getType()) {
            case BOOLEAN -> {
                Checkbox box = new Checkbox(s.getLabel());
                box.setId(id);
                String current = s.getValue() != null ? s.getValue() : s.getDefaultValue();
                box.setValue(Boolean.parseBoolean(current));
                box.setHelperText(help.strip());
                return new Field(box, null, () -> Boolean.toString(box.getValue()), Boolean.toString(box.getValue()));
            }
            case SECRET -> {
                PasswordField secret = new PasswordField(s.getLabel());
                secret.setId(id);
                secret.setPlaceholder(getTranslation(Boolean.TRUE.equals(s.getSecretSet()) ? "settings.secretSet"
                        : "settings.secretUnset"));
                secret.setHelperText((help + " " + getTranslation("settings.secretHelp")).strip());
                // Left empty, a secret is not sent at all: the one stored stays.
                return new Field(secret, secret, () -> secret.getValue().isEmpty() ? null : secret.getValue(), null);
            }
            case APP_LINKS -> {
                // A JSON table: shown laid out, one app per block, so an admin can read and edit it.
                TextArea table = new TextArea(s.getLabel());
                table.setId(id);
                table.setWidthFull();
                table.setMaxHeight("24em");
                // Only the text in a fixed-width font (JSON lines up), not the label and help around it.
                table.getElement().executeJs("customElements.whenDefined('vaadin-text-area').then(() =>"
                        + " requestAnimationFrame(() => { const t = this.querySelector('textarea');"
                        + " if (t) { t.style.fontFamily = 'ui-monospace, Menlo, Consolas, monospace'; } }))");
                String current = s.getValue() != null ? s.getValue() : s.getDefaultValue();
                table.setValue(current == null ? "" : pretty(current));
                table.setHelperText((s.getDescription() == null ? "" : s.getDescription()) + " "
                        + getTranslation("settings.appsHelp"));
                String original = table.getValue();
                form.setColspan(table, 2);
                return new Field(table, table, () -> table.getValue().strip(), original.strip());
            }
            case TEXT -> {
                TextArea area = new TextArea(s.getLabel());
                area.setId(id);
                area.setWidthFull();
                area.setMaxHeight("16em");
                area.setValue(s.getValue() == null ? "" : s.getValue());
                area.setPlaceholder(s.getDefaultValue() == null ? "" : s.getDefaultValue());
                area.setHelperText(help.strip());
                String original = area.getValue();
                form.setColspan(area, 2);
                return new Field(area, area, () -> area.getValue().strip(), original.strip());
            }
            default -> {
                TextField text = new TextField(s.getLabel() + (s.getType() == Setting.TypeEnum.MONEY ? ", ₽" : ""));
                text.setId(id);
                text.setClearButtonVisible(true);
                text.setValue(s.getValue() == null ? "" : shown(s, s.getValue()));
                text.setPlaceholder(s.getDefaultValue() == null ? "" : shown(s, s.getDefaultValue()));
                text.setHelperText(help.strip());
                String original = text.getValue();
                return new Field(text, text, () -> apiValue(s, text), original.isEmpty() ? "" : apiValue(s, text));
            }
        }
    }

    /** The backend words the settings' labels and help in the screen's language. */
    private String language() {
        return getLocale().getLanguage();
    }

    /** The stored compact JSON laid out for reading; shown as stored if it somehow isn't JSON. */
    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JacksonException notJson) {
            return json;
        }
    }

    /** MONEY travels in kopecks and reads in roubles; everything else as typed. */
    private String shown(Setting s, String value) {
        if (s.getType() == Setting.TypeEnum.MONEY && value != null && value.matches("-?\\d+")) {
            return Rubles.fromKopecks(Long.parseLong(value));
        }
        if (s.getType() == Setting.TypeEnum.BOOLEAN && value != null) {
            // "Default: on", not "Default: false".
            return getTranslation(Boolean.parseBoolean(value) ? "settings.on" : "settings.off");
        }
        return value;
    }

    private String apiValue(Setting s, TextField text) {
        String typed = text.getValue().strip();
        if (s.getType() == Setting.TypeEnum.MONEY && !typed.isEmpty()) {
            return Rubles.toKopecks(typed).map(String::valueOf).orElse(typed);
        }
        return typed;
    }

    private void save() {
        Map<String, String> changed = new HashMap<>();
        Map<String, HasValidation> inputs = new HashMap<>();
        fields.forEach((key, field) -> {
            String now = field.read().get();
            if (field.input() != null) {
                field.input().setInvalid(false);
                inputs.put(key, field.input());
            }
            if (now != null && !Objects.equals(now, field.original())) {
                changed.put(key, now);
            }
        });
        if (changed.isEmpty()) {
            Notification.show(getTranslation("settings.nothing"), 2000, Notification.Position.BOTTOM_START);
            return;
        }
        try {
            SettingsResponse saved = session.call(c -> new AdminSettingsApi(c)
                    .updateSettings(new SettingsUpdateRequest().values(changed), language()));
            render(saved);
            Notification.show(getTranslation("common.saved"), 2000, Notification.Position.BOTTOM_START);
        } catch (BackendException e) {
            Failures.show(e, inputs);
        }
    }

    private record Field(Component component, HasValidation input, Supplier<String> read,
                         String original) {
    }
}
