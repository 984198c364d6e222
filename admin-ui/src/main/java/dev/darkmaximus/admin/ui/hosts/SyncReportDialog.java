package dev.darkmaximus.admin.ui.hosts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;

import dev.darkmaximus.client.model.Drift;
import dev.darkmaximus.client.model.Missing;
import dev.darkmaximus.client.model.Orphan;
import dev.darkmaximus.client.model.SyncReportResponse;

/** A host's last sync: counts, keys repaired from the panel, keys the panel lacks, and orphan clients. */
class SyncReportDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    SyncReportDialog(String hostName, SyncReportResponse report) {
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
                grid.setAllRowsVisible(true);
                add(new H4("Orphan clients (only on the panel)"), grid);
            }
        }
        getFooter().add(new Button("Close", e -> close()));
    }
}
