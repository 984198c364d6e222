package dev.darkmaximus.admin.ui.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.api.AdminWebhooksApi;
import dev.darkmaximus.client.model.WebhookDelivery;
import dev.darkmaximus.client.model.WebhookView;

/** One endpoint's delivery log, newest first: what each delivery's last attempt got, and resend. */
class DeliveriesDialog extends Dialog {

    private final BackendSession session;
    private final WebhookView endpoint;
    private final Grid<WebhookDelivery> grid = new Grid<>(WebhookDelivery.class, false);

    DeliveriesDialog(BackendSession session, WebhookView endpoint) {
        this.session = session;
        this.endpoint = endpoint;
        setHeaderTitle(getTranslation("webhooks.deliveriesOf", endpoint.getUrl()));
        grid.setId("webhook-deliveries-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        // One column with everything a delivery has, so a phone shows it without scrolling sideways.
        grid.addComponentColumn(this::delivery).setHeader(getTranslation("webhooks.deliveries"));
        grid.setHeight("24em");
        Button refresh = new Button(getTranslation("common.refresh"), e -> load());
        refresh.setId("webhook-deliveries-refresh");
        add(grid);
        getFooter().add(refresh, new Button(getTranslation("common.close"), e -> close()));
        setWidth("min(72em, 100vw)");
        load();
    }

    private VerticalLayout delivery(WebhookDelivery d) {
        Span event = new Span(d.getEventType());
        event.getStyle().set("font-weight", "600");
        Span status = new Span(getTranslation("webhooks.status." + d.getStatus().getValue().toLowerCase(Locale.ROOT)));
        status.getElement().getThemeList().add(switch (d.getStatus()) {
            case DELIVERED -> "badge success";
            case FAILED -> "badge error";
            case PENDING -> "badge";
        });
        List<String> facts = new ArrayList<>();
        facts.add(WebhooksView.at(d.getCreatedAt()));
        facts.add(getTranslation("webhooks.attempts", d.getAttempts()));
        if (d.getLastStatusCode() != null) {
            facts.add(getTranslation("webhooks.code", d.getLastStatusCode()));
        }
        if (d.getLastDurationMs() != null) {
            facts.add(getTranslation("webhooks.ms", d.getLastDurationMs()));
        }
        if (d.getLastError() != null) {
            facts.add(d.getLastError());
        }
        Span details = new Span(String.join(" · ", facts));
        details.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)")
                .set("white-space", "normal").set("word-break", "break-word");
        Button resend = new Button(getTranslation("webhooks.resend"), e -> resend(d));
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resend.addClassName("webhook-resend");
        resend.setEnabled(Boolean.TRUE.equals(endpoint.getEnabled()));
        VerticalLayout cell = new VerticalLayout(new HorizontalLayout(event, status), details, resend);
        cell.setPadding(false);
        cell.setSpacing(false);
        cell.getStyle().set("gap", "var(--lumo-space-xs)").set("padding", "var(--lumo-space-xs) 0");
        return cell;
    }

    private void load() {
        try {
            List<WebhookDelivery> deliveries = session.call(c -> new AdminWebhooksApi(c).listWebhookDeliveries(
                    endpoint.getId(), null, 100));
            grid.setItems(deliveries);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void resend(WebhookDelivery delivery) {
        try {
            session.call(c -> new AdminWebhooksApi(c).resendWebhookDelivery(endpoint.getId(), delivery.getId()));
            Notification.show(getTranslation("webhooks.resent"), 3000, Notification.Position.BOTTOM_START);
            load();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
