package dev.darkmaximus.admin.ui.templates;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminTemplatesApi;
import dev.darkmaximus.client.model.MessageTemplate;
import dev.darkmaximus.client.model.TemplateText;

/**
 * Every customer-facing text (SPEC §11) in Russian and English: pick one, edit it with its placeholders in view,
 * preview it rendered with sample values, save or go back to the shipped text.
 */
@AdminOnly
@Route(value = "templates", layout = MainLayout.class)
@PageTitle("Templates · Dark Maximus")
public class TemplatesView extends SplitLayout {

    private final BackendSession session;
    private final TextField search = new TextField();
    private final Grid<MessageTemplate> grid = new Grid<>(MessageTemplate.class, false);
    private final VerticalLayout editor = new VerticalLayout();

    public TemplatesView(BackendSession session) {
        this.session = session;
        setSizeFull();
        setSplitterPosition(35);
        Responsive.stackOnPhones(this, 35);
        search.setId("template-search");
        search.setPlaceholder(getTranslation("common.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.addValueChangeListener(e -> load());
        grid.setId("templates-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        // Operators know a message by what it says: a name (or the text's first words), the key below it.
        grid.addColumn(LitRenderer.<MessageTemplate>of("<div class=\"template-name\">${item.name}</div>"
                        + "<div style=\"font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color)\">"
                        + "${item.key}</div>")
                .withProperty("name", this::humanName).withProperty("key", MessageTemplate::getKey))
                .setHeader(getTranslation("templates.key")).setFlexGrow(1);
        grid.addColumn(t -> t.getCustomRu() != null || t.getCustomEn() != null ? getTranslation("templates.edited") : "")
                .setWidth("8em").setFlexGrow(0);
        grid.addItemClickListener(e -> edit(e.getItem()));
        VerticalLayout list = new VerticalLayout(search, grid);
        list.setSizeFull();
        editor.setId("template-editor");
        editor.add(new Span(getTranslation("templates.pick")));
        addToPrimary(list);
        addToSecondary(editor);
        load();
    }

    /** The template's name in the screen's language; a bot text is named by its own first words. */
    private String humanName(MessageTemplate template) {
        String name = getTranslation("template.name." + template.getKey());
        if (!name.startsWith("!")) {
            return name;
        }
        boolean ru = "ru".equals(getLocale().getLanguage());
        String text = ru ? template.getDefaultRu() : template.getDefaultEn();
        String plain = (text == null ? "" : text).replaceAll("<[^>]+>", "").replaceAll("\\{[a-z_]+}", "…")
                .replace("\\n", " ").replace('\n', ' ').strip();
        String words = plain.length() > 60 ? plain.substring(0, 59).strip() + "…" : plain;
        return template.getKey().startsWith("bot.") ? getTranslation("templates.botText", words) : words;
    }

    private void load() {
        String q = search.getValue().isBlank() ? null : search.getValue().strip();
        try {
            List<MessageTemplate> templates = session.call(c -> new AdminTemplatesApi(c).listTemplates(q));
            grid.setItems(templates);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void edit(MessageTemplate template) {
        editor.removeAll();
        H4 title = new H4(template.getKey());
        title.setId("template-key");
        Span placeholders = new Span(getTranslation("templates.placeholders", template.getPlaceholders().isEmpty()
                ? getTranslation("common.none") : "{" + String.join("}, {", template.getPlaceholders()) + "}"));
        editor.add(title, placeholders, language(template, "ru"), language(template, "en"));
    }

    private VerticalLayout language(MessageTemplate template, String language) {
        String custom = "ru".equals(language) ? template.getCustomRu() : template.getCustomEn();
        String shipped = "ru".equals(language) ? template.getDefaultRu() : template.getDefaultEn();
        TextArea text = new TextArea(language.toUpperCase(Locale.ROOT));
        text.setId("template-text-" + language);
        text.setWidthFull();
        text.setMaxLength(4096);
        text.setValue(custom != null ? custom : shipped == null ? "" : shipped);
        text.setHelperText(custom != null ? getTranslation("templates.custom") : getTranslation("templates.shipped"));
        Div preview = new Div();
        preview.setId("template-preview-" + language);
        preview.getStyle().set("white-space", "pre-wrap").set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-m)");
        Button show = new Button(getTranslation("templates.preview"), e -> preview(template, language, text, preview));
        show.setId("template-preview-button-" + language);
        Button save = new Button(getTranslation("common.save"), e -> {
            try {
                MessageTemplate saved = session.call(c -> new AdminTemplatesApi(c).updateTemplate(template.getKey(),
                        language, new TemplateText().text(text.getValue())));
                Notification.show(getTranslation("common.saved"), 2000, Notification.Position.BOTTOM_START);
                load();
                edit(saved);
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("text", text));
            }
        });
        save.setId("template-save-" + language);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("templates.reset"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("templates.resetTitle"),
                    getTranslation("templates.resetText"), getTranslation("templates.reset"), ok -> {
                        try {
                            MessageTemplate saved = session.call(c -> new AdminTemplatesApi(c)
                                    .resetTemplate(template.getKey(), language));
                            load();
                            edit(saved);
                        } catch (BackendException ex) {
                            Failures.show(ex);
                        }
                    }, getTranslation("common.cancel"), no -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        reset.setEnabled(custom != null);
        VerticalLayout box = new VerticalLayout(text, new HorizontalLayout(save, show, reset), preview);
        box.setPadding(false);
        return box;
    }

    private void preview(MessageTemplate template, String language, TextArea text, Div preview) {
        try {
            String html = session.call(c -> new AdminTemplatesApi(c).previewTemplate(template.getKey(), language,
                    new TemplateText().text(text.getValue()))).getHtml();
            preview.removeAll();
            // Telegram HTML is a handful of inline tags; anything beyond the basic safe list is dropped before it
            // reaches this operator's page.
            String safe = Jsoup.clean(html.replace("\n", "<br>"), Safelist.basic());
            preview.add(new Html("<span>" + safe + "</span>"));
            text.setInvalid(false);
        } catch (BackendException e) {
            Failures.show(e, Map.of("text", text));
        }
    }
}
