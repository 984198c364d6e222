package dev.darkmaximus.admin.ui.outbox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminOutboxApi;
import dev.darkmaximus.client.model.OutboxTaskResponse;

/** Side effects that failed every attempt (a key a panel never accepted, a message Telegram kept refusing). */
@dev.darkmaximus.admin.ui.AdminOnly
@Route(value = "outbox", layout = MainLayout.class)
@PageTitle("Outbox · Dark Maximus")
public class OutboxView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final BackendSession session;
    private final Grid<OutboxTaskResponse> grid = new Grid<>(OutboxTaskResponse.class, false);

    public OutboxView(BackendSession session) {
        this.session = session;
        setSizeFull();
        grid.setId("dead-letters");
        grid.addColumn(OutboxTaskResponse::getId).setHeader(getTranslation("common.id")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getKind).setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getDedupKey).setHeader(getTranslation("outbox.object")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getAttempts).setHeader(getTranslation("outbox.attempts"));
        grid.addColumn(t -> t.getCreatedAt() == null ? "" : TIME.format(t.getCreatedAt())).setHeader(getTranslation("outbox.createdUtc"));
        grid.addColumn(OutboxTaskResponse::getLastError).setHeader(getTranslation("outbox.lastError")).setFlexGrow(1);
        grid.addComponentColumn(this::retry).setHeader("").setAutoWidth(true);
        add(new Paragraph(getTranslation("outbox.intro")), grid);
        refresh();
    }

    private Button retry(OutboxTaskResponse task) {
        Button button = new Button(getTranslation("outbox.retry"), e -> {
            try {
                session.call(c -> new AdminOutboxApi(c).retryOutboxTask(task.getId()));
                Notification.show(getTranslation("outbox.queued"));
                refresh();
            } catch (BackendException failure) {
                Failures.show(failure);
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void refresh() {
        try {
            java.util.List<OutboxTaskResponse> dead = session.call(c -> new AdminOutboxApi(c).listDeadOutboxTasks(100));
            grid.setItems(dead);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
