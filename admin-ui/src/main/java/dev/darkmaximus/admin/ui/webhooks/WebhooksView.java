package dev.darkmaximus.admin.ui.webhooks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminWebhooksApi;
import dev.darkmaximus.client.model.WebhookBody;
import dev.darkmaximus.client.model.WebhookSecret;
import dev.darkmaximus.client.model.WebhookUpdate;
import dev.darkmaximus.client.model.WebhookView;

/**
 * Outbound webhooks (SPEC §15): endpoints with the events they receive, their secret shown once, switched off and
 * on, and each one's delivery log with resend.
 */
@AdminOnly
@Route(value = "webhooks", layout = MainLayout.class)
@PageTitle("Webhooks · Dark Maximus")
public class WebhooksView extends VerticalLayout {

    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private final Grid<WebhookView> grid = new Grid<>(WebhookView.class, false);

    public WebhooksView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button add = new Button(getTranslation("webhooks.add"), e -> form(null).open());
        add.setId("webhook-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("webhooks-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        // One column carries the endpoint, its state and its actions, so a phone shows all of it without scrolling
        // sideways.
        grid.addComponentColumn(this::endpoint).setHeader(getTranslation("webhooks.endpoint"));
        add(new Paragraph(getTranslation("webhooks.intro")), add, grid);
        load();
    }

    static String at(OffsetDateTime time) {
        return time == null ? "" : AT.format(time.toLocalDateTime());
    }

    private String state(WebhookView w) {
        if (!Boolean.TRUE.equals(w.getEnabled())) {
            return getTranslation("webhooks.off");
        }
        return w.getFailingSince() == null ? getTranslation("webhooks.on")
                : getTranslation("webhooks.failingSince", at(w.getFailingSince()));
    }

    private VerticalLayout endpoint(WebhookView w) {
        Span url = new Span(w.getUrl());
        url.getStyle().set("font-weight", "600").set("word-break", "break-all");
        Span state = new Span(state(w));
        state.getElement().getThemeList().add(Boolean.TRUE.equals(w.getEnabled()) && w.getFailingSince() == null
                ? "badge success" : "badge error");
        Span details = new Span((w.getDescription() == null ? "" : w.getDescription() + " · ")
                + String.join(", ", w.getEvents()) + (w.getLastSuccessAt() == null ? ""
                : " · " + getTranslation("webhooks.lastSuccess", at(w.getLastSuccessAt()))));
        details.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("white-space", "normal");
        VerticalLayout cell = new VerticalLayout(new HorizontalLayout(url, state), details, actions(w));
        cell.setPadding(false);
        cell.setSpacing(false);
        cell.getStyle().set("gap", "var(--lumo-space-xs)").set("padding", "var(--lumo-space-xs) 0");
        return cell;
    }

    private HorizontalLayout actions(WebhookView w) {
        Button log = small(getTranslation("webhooks.deliveries"), "webhook-deliveries",
                () -> new DeliveriesDialog(session, w).open());
        Button edit = small(getTranslation("webhooks.edit"), "webhook-edit", () -> form(w).open());
        Button rotate = small(getTranslation("webhooks.rotate"), "webhook-rotate", () -> confirm(
                getTranslation("webhooks.rotateTitle"), getTranslation("webhooks.rotateText"),
                () -> showSecret(session.call(c -> new AdminWebhooksApi(c).rotateWebhookSecret(w.getId())))));
        Button delete = small(getTranslation("common.delete"), "webhook-delete", () -> confirm(
                getTranslation("webhooks.deleteTitle", w.getUrl()), getTranslation("webhooks.deleteText"), () -> {
                    session.call(c -> {
                        new AdminWebhooksApi(c).deleteWebhook(w.getId());
                        return null;
                    });
                    load();
                }));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(log, edit, rotate, delete);
        actions.setSpacing(false);
        actions.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        return actions;
    }

    private static Button small(String label, String className, Runnable action) {
        Button button = new Button(label, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        return button;
    }

    private void confirm(String title, String text, BackendAction action) {
        ConfirmDialog dialog = new ConfirmDialog(title, text, getTranslation("common.confirm"), ok -> {
            try {
                action.run();
            } catch (BackendException ex) {
                Failures.show(ex);
            }
        }, getTranslation("common.cancel"), no -> { });
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void load() {
        try {
            List<WebhookView> endpoints = session.call(c -> new AdminWebhooksApi(c).listWebhooks());
            grid.setItems(endpoints);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    /** New ({@code existing} null) or edit: URL, description, events, and on/off for an existing one. */
    private Dialog form(WebhookView existing) {
        Dialog dialog = new Dialog(getTranslation(existing == null ? "webhooks.add" : "webhooks.edit"));
        TextField url = new TextField(getTranslation("webhooks.url"));
        url.setId("webhook-url");
        url.setWidthFull();
        url.setPlaceholder("https://");
        TextField description = new TextField(getTranslation("webhooks.description"));
        description.setId("webhook-description");
        description.setWidthFull();
        CheckboxGroup<String> events = new CheckboxGroup<>(getTranslation("webhooks.events"));
        events.setId("webhook-events");
        events.setItems(Arrays.stream(WebhookBody.EventsEnum.values()).map(WebhookBody.EventsEnum::getValue).toList());
        Checkbox enabled = new Checkbox(getTranslation("webhooks.enabled"), true);
        enabled.setId("webhook-enabled");
        VerticalLayout fields = new VerticalLayout(url, description, events);
        if (existing != null) {
            url.setValue(existing.getUrl());
            description.setValue(existing.getDescription() == null ? "" : existing.getDescription());
            events.setValue(new LinkedHashSet<>(existing.getEvents()));
            enabled.setValue(Boolean.TRUE.equals(existing.getEnabled()));
            fields.add(enabled);
        }
        dialog.add(fields);
        Button save = new Button(getTranslation("common.save"), e -> {
            List<String> chosen = events.getValue().stream().sorted().toList();
            try {
                if (existing == null) {
                    WebhookSecret created = session.call(c -> new AdminWebhooksApi(c).createWebhook(new WebhookBody()
                            .url(url.getValue().strip()).description(description.getValue())
                            .events(chosen.stream().map(WebhookBody.EventsEnum::fromValue).toList())));
                    dialog.close();
                    showSecret(created);
                } else {
                    session.call(c -> new AdminWebhooksApi(c).updateWebhook(existing.getId(), new WebhookUpdate()
                            .url(url.getValue().strip()).description(description.getValue())
                            .events(chosen.stream().map(WebhookUpdate.EventsEnum::fromValue).toList())
                            .enabled(enabled.getValue())));
                    dialog.close();
                }
                load();
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("url", url, "events", events));
            }
        });
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40em, 100vw)");
        return dialog;
    }

    private void showSecret(WebhookSecret created) {
        Dialog dialog = new Dialog(getTranslation("webhooks.secretTitle"));
        TextField secret = new TextField(getTranslation("webhooks.secret"));
        secret.setId("webhook-secret");
        secret.setValue(created.getSecret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(new Paragraph(getTranslation("webhooks.secretShownOnce")), secret);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.setWidth("min(36em, 100vw)");
        dialog.open();
        load();
    }

    /** A backend call behind a confirmation. */
    @FunctionalInterface
    private interface BackendAction {
        void run() throws BackendException;
    }
}
