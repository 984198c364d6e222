package dev.darkmaximus.admin.ui.hosts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.notification.Notification;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.OrphanRequest;
import dev.darkmaximus.client.model.Drift;
import dev.darkmaximus.client.model.Missing;
import dev.darkmaximus.client.model.Orphan;
import dev.darkmaximus.client.model.SyncReportResponse;

/** A host's last sync: counts, keys repaired from the panel, keys the panel lacks, and orphan clients. */
class SyncReportDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    SyncReportDialog(BackendSession session, HostResponse host, SyncReportResponse report) {
        String hostName = host.getName();
        setHeaderTitle(getTranslation("hosts.sync.title", hostName));
        setWidth("52em");
        String finishedAt = TIME.format(report.getFinishedAt());
        Paragraph summary = new Paragraph("failed".equals(report.getOutcome())
                ? getTranslation("hosts.sync.summaryFailed", report.getTrigger(), finishedAt, report.getError())
                : getTranslation("hosts.sync.summary", report.getTrigger(), finishedAt, report.getPanelClients(),
                        report.getKeysChecked(), report.getKeysUpdated(), report.getKeysMissing(), report.getOrphans()));
        summary.setId("sync-summary");
        add(summary);
        if (report.getDetails() != null) {
            List<Drift> updated = report.getDetails().getUpdated();
            if (updated != null && !updated.isEmpty()) {
                Grid<Drift> grid = new Grid<>(Drift.class, false);
                grid.addColumn(Drift::getKeyId).setHeader(getTranslation("hosts.sync.key")).setAutoWidth(true);
                grid.addColumn(Drift::getEmail).setHeader(getTranslation("hosts.sync.email")).setAutoWidth(true);
                grid.addColumn(d -> d.getChanges() == null ? "" : d.getChanges().toString()).setHeader(getTranslation("hosts.sync.change"));
                grid.setAllRowsVisible(true);
                add(new H4(getTranslation("hosts.sync.updated")), grid);
            }
            List<Missing> missing = report.getDetails().getMissing();
            if (missing != null && !missing.isEmpty()) {
                Grid<Missing> grid = new Grid<>(Missing.class, false);
                grid.addColumn(Missing::getKeyId).setHeader(getTranslation("hosts.sync.key")).setAutoWidth(true);
                grid.addColumn(Missing::getEmail).setHeader(getTranslation("hosts.sync.email"));
                grid.addColumn(Missing::getStatus).setHeader(getTranslation("hosts.sync.shopStatus"));
                grid.setAllRowsVisible(true);
                add(new H4(getTranslation("hosts.sync.missing")), grid);
            }
            List<Orphan> orphans = report.getDetails().getOrphanClients();
            if (orphans != null && !orphans.isEmpty()) {
                Grid<Orphan> grid = new Grid<>(Orphan.class, false);
                grid.addColumn(Orphan::getEmail).setHeader(getTranslation("hosts.sync.email")).setAutoWidth(true);
                grid.addColumn(Orphan::getInboundId).setHeader(getTranslation("hosts.sync.inbound"));
                grid.addColumn(o -> o.getExpiresAt() == null ? getTranslation("hosts.sync.never")
                        : TIME.format(o.getExpiresAt())).setHeader(getTranslation("hosts.sync.expires"));
                grid.addColumn(o -> o.getRevokedKeyId() == null ? getTranslation("hosts.sync.unknownToShop")
                        : getTranslation("hosts.sync.revokedKey", o.getRevokedKeyId()))
                        .setHeader(getTranslation("hosts.sync.shop"));
                if (session.isAdmin()) {
                    grid.addComponentColumn(o -> deleteButton(session, host, o)).setAutoWidth(true);
                }
                grid.setAllRowsVisible(true);
                add(new H4(getTranslation("hosts.sync.orphans")), grid);
            }
        }
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    /** Deleting an orphan is the admin's call, never the sync's; confirmed first and audited by the backend. */
    private static Button deleteButton(BackendSession session, HostResponse host, Orphan orphan) {
        UI ui = UI.getCurrent();
        Button delete = new Button(ui.getTranslation("hosts.sync.deleteOrphan"), e -> new ConfirmDialog(
                ui.getTranslation("hosts.sync.deleteTitle", orphan.getEmail()),
                ui.getTranslation("hosts.sync.deleteText", host.getName()), ui.getTranslation("common.delete"),
                confirmed -> {
                    try {
                        session.call(c -> {
                            new AdminHostsApi(c).deleteOrphanClient(host.getId(), new OrphanRequest().email(orphan.getEmail()));
                            return null;
                        });
                        Notification.show(ui.getTranslation("hosts.sync.deleted", orphan.getEmail()));
                        e.getSource().setEnabled(false);
                    } catch (BackendException failure) {
                        Failures.show(failure);
                    }
                }, ui.getTranslation("common.cancel"), cancelled -> { }).open());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return delete;
    }
}
