package dev.darkmaximus.admin.ui.imports;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.backend.FileUploads;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.model.Dm2ImportReport;

/**
 * Moving a Dark Maximus 2 shop over (docs/migrating-from-dm2.md): upload its {@code users.db}, read the dry run's
 * report, then import. The backend does the work and keeps the audit; this screen only carries the file and shows
 * the report.
 */
@AdminOnly
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Import · Dark Maximus")
public class ImportView extends VerticalLayout {

    private final BackendSession session;
    private final Button dryRun = new Button();
    private final Button apply = new Button();
    private final Pre report = new Pre();
    private final ComboBox<String> zone = new ComboBox<>();
    private File uploaded;

    public ImportView(BackendSession session) {
        this.session = session;
        H2 title = new H2(getTranslation("import.title"));
        Paragraph intro = new Paragraph(getTranslation("import.intro"));
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            forget();
            uploaded = file;
            dryRun.setEnabled(true);
            apply.setEnabled(true);
            report.setText(getTranslation("import.uploaded", metadata.fileName()));
        }));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".db", ".sqlite", ".sqlite3");
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.choose"))
                        .setMany(getTranslation("import.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.drop"))
                        .setMany(getTranslation("import.drop"))));
        // DM2 wrote registration dates in its server's local time (keys in UTC, payments in Moscow time).
        zone.setLabel(getTranslation("import.zone"));
        zone.setHelperText(getTranslation("import.zoneHelp"));
        zone.setId("import-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
                .sorted().toList());
        zone.setValue("UTC");
        zone.setRequired(true);
        zone.setAllowCustomValue(false);
        zone.setWidth("20em");
        zone.setMaxWidth("100%");
        dryRun.setText(getTranslation("import.dryRun"));
        dryRun.setId("import-dry-run");
        dryRun.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dryRun.addClickListener(e -> run(false));
        apply.setText(getTranslation("import.apply"));
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_ERROR);
        apply.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("import.confirmTitle"),
                    getTranslation("import.confirmText"), getTranslation("import.apply"), ok -> run(true),
                    getTranslation("common.cancel"), no -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        dryRun.setEnabled(false);
        apply.setEnabled(false);
        report.setId("import-report");
        // The report's tables stay aligned; on a phone they scroll sideways.
        report.getStyle().set("white-space", "pre").set("overflow-x", "auto").set("font-size",
                "var(--lumo-font-size-s)").set("max-width", "100%").set("box-sizing", "border-box");
        report.setWidthFull();
        add(title, intro, upload, zone, new HorizontalLayout(dryRun, apply), report);
        addDetachListener(e -> forget());
    }

    private void run(boolean forReal) {
        if (uploaded == null) {
            return;
        }
        String dm2Zone = zone.getValue() == null ? "UTC" : zone.getValue();
        try {
            // Not the generated AdminImportsApi: it can't send a file's bytes (FileUploads says why).
            Dm2ImportReport result = session.call(c -> FileUploads.post(c, "/api/v1/admin/imports/dm2?apply="
                    + forReal + "&dm2Zone=" + URLEncoder.encode(dm2Zone, StandardCharsets.UTF_8), uploaded.toPath(),
                    Dm2ImportReport.class));
            report.setText(result.getText());
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    /** The uploaded copy of a shop's database is deleted as soon as it is not needed. */
    private void forget() {
        if (uploaded != null) {
            try {
                Files.deleteIfExists(uploaded.toPath());
            } catch (IOException ignored) {
                // a temporary file; the system's clean-up removes it
            }
            uploaded = null;
        }
    }
}
