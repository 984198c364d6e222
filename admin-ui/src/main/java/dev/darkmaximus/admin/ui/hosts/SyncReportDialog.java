package dev.darkmaximus.admin.ui.hosts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

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
        setHeaderTitle("Sync of " + hostName);
        setWidth("52em");
        Paragraph summary = new Paragraph(report.getTrigger() + " run at " + TIME.format(report.getFinishedAt())
                + " UTC: " + ("failed".equals(report.getOutcome()) ? "FAILED — " + report.getError()
                : report.getPanelClients() + " clients on the panel, " + report.getKeysChecked() + " keys checked, "
                + report.getKeysUpdated() + " updated from the panel, " + report.getKeysMissing()
                + " missing on the panel, " + report.getOrphans() + " orphan clients (nothing was deleted)."));
        summary.setId("sync-summary");
        add(summary);
        if (report.getDetails() != null) {
            List<Drift> updated = report.getDetails().getUpdated();
            if (updated != null && !updated.isEmpty()) {
                Grid<Drift> grid = new Grid<>(Drift.class, false);
                grid.addColumn(Drift::getKeyId).setHeader("Key").setAutoWidth(true);
                grid.addColumn(Drift::getEmail).setHeader("Email").setAutoWidth(true);
                grid.addColumn(d -> d.getChanges() == null ? "" : d.getChanges().toString()).setHeader("Was → now");
                grid.setAllRowsVisible(true);
                add(new H4("Updated from the panel"), grid);
            }
            List<Missing> missing = report.getDetails().getMissing();
            if (missing != null && !missing.isEmpty()) {
                Grid<Missing> grid = new Grid<>(Missing.class, false);
                grid.addColumn(Missing::getKeyId).setHeader("Key").setAutoWidth(true);
                grid.addColumn(Missing::getEmail).setHeader("Email");
                grid.addColumn(Missing::getStatus).setHeader("Shop status");
                grid.setAllRowsVisible(true);
                add(new H4("Missing on the panel"), grid);
            }
            List<Orphan> orphans = report.getDetails().getOrphanClients();
            if (orphans != null && !orphans.isEmpty()) {
                Grid<Orphan> grid = new Grid<>(Orphan.class, false);
                grid.addColumn(Orphan::getEmail).setHeader("Email").setAutoWidth(true);
                grid.addColumn(Orphan::getInboundId).setHeader("Inbound");
                grid.addColumn(o -> o.getExpiresAt() == null ? "never" : TIME.format(o.getExpiresAt())).setHeader("Expires");
                grid.addColumn(o -> o.getRevokedKeyId() == null ? "unknown to the shop"
                        : "revoked key " + o.getRevokedKeyId()).setHeader("Shop");
                if (session.isAdmin()) {
                    grid.addComponentColumn(o -> deleteButton(session, host, o)).setAutoWidth(true);
                }
                grid.setAllRowsVisible(true);
                add(new H4("Orphan clients (only on the panel)"), grid);
            }
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    /** Deleting an orphan is the admin's call, never the sync's; confirmed first and audited by the backend. */
    private static Button deleteButton(BackendSession session, HostResponse host, Orphan orphan) {
        Button delete = new Button("Delete from panel", e -> new ConfirmDialog("Delete " + orphan.getEmail() + "?",
                "The client is removed from " + host.getName() + "'s panel. Whoever uses it loses access.", "Delete",
                confirmed -> {
                    try {
                        session.call(c -> {
                            new AdminHostsApi(c).deleteOrphanClient(host.getId(), new OrphanRequest().email(orphan.getEmail()));
                            return null;
                        });
                        Notification.show(orphan.getEmail() + " deleted from the panel.");
                        e.getSource().setEnabled(false);
                    } catch (BackendException failure) {
                        Failures.show(failure);
                    }
                }, "Cancel", cancelled -> { }).open());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return delete;
    }
}
