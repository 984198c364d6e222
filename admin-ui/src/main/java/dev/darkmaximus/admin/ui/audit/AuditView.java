package dev.darkmaximus.admin.ui.audit;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.client.api.AdminAuditApi;
import dev.darkmaximus.client.model.AuditEntry;
import dev.darkmaximus.client.model.AuditPage;

/** Who changed what (SPEC §7): filter by actor, action and object; a row opens the before and after. */
@AdminOnly
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log · Dark Maximus")
public class AuditView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PAGE = 50;

    private final BackendSession session;
    private final TextField actor = filter("audit-actor", "audit.actor");
    private final TextField action = filter("audit-action", "audit.action");
    private final TextField objectType = filter("audit-object-type", "audit.objectType");
    private final TextField objectId = filter("audit-object-id", "audit.objectId");
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final Button more = new Button(getTranslation("common.loadMore"), e -> load(false));
    private final List<AuditEntry> shown = new ArrayList<>();
    private String cursor;

    public AuditView(BackendSession session) {
        this.session = session;
        setSizeFull();
        grid.setId("audit-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        Grid.Column<AuditEntry> at = grid.addColumn(e -> AT.format(e.getAt().toLocalDateTime()))
                .setHeader(getTranslation("audit.at")).setAutoWidth(true);
        grid.addColumn(e -> e.getActorName() == null ? String.valueOf(e.getActorType()) : e.getActorName())
                .setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        Grid.Column<AuditEntry> what = grid.addColumn(AuditEntry::getAction).setHeader(getTranslation("audit.action"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.getObjectType() + (e.getObjectId() == null ? "" : " #" + e.getObjectId()))
                .setHeader(getTranslation("audit.object")).setAutoWidth(true);
        grid.addColumn(e -> Privacy.shown(session, e.getIp())).setHeader("IP").setAutoWidth(true);
        grid.addItemClickListener(e -> details(e.getItem()));
        more.setVisible(false);
        // On a phone: when and what; a tap shows the rest with before and after.
        Responsive.phoneColumns(grid, at, what);
        add(Responsive.filters(actor, action, objectType, objectId), grid, more);
        load(true);
    }

    private TextField filter(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> load(true));
        return field;
    }

    private void load(boolean fromStart) {
        if (fromStart) {
            shown.clear();
            cursor = null;
        }
        String after = cursor;
        try {
            AuditPage page = session.call(c -> new AdminAuditApi(c).listAuditEntries(blankToNull(actor),
                    blankToNull(action), blankToNull(objectType), blankToNull(objectId), null, null, PAGE, after));
            shown.addAll(page.getData());
            grid.setItems(shown);
            cursor = page.getNextCursor();
            more.setVisible(cursor != null);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void details(AuditEntry entry) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(entry.getAction() + " · " + entry.getObjectType()
                + (entry.getObjectId() == null ? "" : " #" + entry.getObjectId()));
        Pre before = new Pre(json(entry.getBefore()));
        Pre after = new Pre(json(entry.getAfter()));
        after.setId("audit-after");
        dialog.add(new H4(getTranslation("audit.before")), before,
                new H4(getTranslation("audit.after")), after);
        dialog.setWidth("min(48em, 100vw)");
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.open();
    }

    private static final ObjectWriter PRETTY =
            new ObjectMapper().writerWithDefaultPrettyPrinter();

    private static String json(Object state) {
        if (state == null) {
            return "—";
        }
        try {
            return PRETTY.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            return String.valueOf(state);
        }
    }

    private static String blankToNull(TextField field) {
        return field.getValue().isBlank() ? null : field.getValue().strip();
    }
}
