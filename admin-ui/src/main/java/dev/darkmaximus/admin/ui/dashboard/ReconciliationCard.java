package dev.darkmaximus.admin.ui.dashboard;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.client.api.AdminPaymentsApi;
import dev.darkmaximus.client.model.Reconciliation;
import dev.darkmaximus.client.model.ReconciliationDifference;

/**
 * The nightly reconciliation on the dashboard (issue 21): the newest day per provider, what was credited late and
 * every difference, so money one side has and the other doesn't is in front of an admin, not in a log.
 */
class ReconciliationCard extends Div {

    ReconciliationCard(BackendSession session) {
        setId("reconciliation");
        H4 heading = new H4(getTranslation("reconciliation.title"));
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");
        add(heading);
        getStyle().set("flex", "1 1 24em").set("min-width", "0").set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("margin-bottom", "var(--lumo-space-m)");
        try {
            List<Reconciliation> rows = session.call(c -> new AdminPaymentsApi(c).listReconciliations(20));
            if (rows.isEmpty()) {
                add(new Paragraph(getTranslation("reconciliation.none")));
                return;
            }
            // The newest day only: older rows are in the API for whoever needs them.
            var newest = rows.getFirst().getDay();
            add(rows(rows.stream().filter(r -> newest.equals(r.getDay())).toList()));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    /** One block per provider, text that wraps: it reads the same on a phone as on a desktop. */
    private Component rows(List<Reconciliation> rows) {
        VerticalLayout list = new VerticalLayout();
        list.setId("reconciliation-rows");
        list.setPadding(false);
        for (Reconciliation r : rows) {
            Span day = new Span(r.getDay().toString());
            day.getStyle().set("white-space", "nowrap");
            Div title = new Div(status(r), new Span(" " + getTranslation("provider." + r.getProvider().getValue())
                    + " · "), day);
            title.getStyle().set("font-weight", "600");
            Div block = new Div(title, details(r));
            block.addClassName("reconciliation-row");
            list.add(block);
        }
        return list;
    }

    private Component status(Reconciliation r) {
        Span badge = new Span(getTranslation("reconciliation.status." + r.getStatus().getValue()));
        badge.getElement().getThemeList().add("badge " + switch (r.getStatus()) {
            case MATCHED -> "success";
            case REPAIRED -> "contrast";
            default -> "error";
        });
        return badge;
    }

    private Component details(Reconciliation r) {
        VerticalLayout lines = new VerticalLayout();
        lines.setPadding(false);
        lines.setSpacing(false);
        lines.add(new Span(getTranslation("reconciliation.counts", r.getProviderCount(), r.getShopCount(),
                r.getRepaired())));
        if (r.getError() != null) {
            lines.add(new Span(r.getError()));
        }
        for (ReconciliationDifference d : r.getDifferences()) {
            Span line = new Span(getTranslation("reconciliation.kind." + d.getKind().getValue()) + ": "
                    + (d.getCurrency() == null || d.getAmountMinor() < 0 ? "?" : Amounts.format(d.getAmountMinor(),
                    d.getCurrency()))
                    + (d.getPaymentId() == null ? "" : " · " + getTranslation("reconciliation.payment",
                    d.getPaymentId()))
                    + (d.getProviderPaymentId() == null ? "" : " · " + d.getProviderPaymentId())
                    + " — " + d.getDetail());
            line.addClassName("reconciliation-difference");
            line.getStyle().set("white-space", "normal").set("color", "var(--lumo-error-text-color)");
            lines.add(line);
        }
        return lines;
    }
}
