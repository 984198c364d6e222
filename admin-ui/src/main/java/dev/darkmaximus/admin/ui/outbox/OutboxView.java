package dev.darkmaximus.admin.ui.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminOutboxApi;
import dev.darkmaximus.client.model.OutboxTaskResponse;

/**
 * Side effects that failed: first those still being retried (a panel that is down shows here at once, with its
 * error and the next try), then those that failed every attempt, to retry after fixing the cause.
 */
@AdminOnly
@Route(value = "outbox", layout = MainLayout.class)
@PageTitle("Outbox · Dark Maximus")
public class OutboxView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final BackendSession session;
    private final Grid<OutboxTaskResponse> retrying = grid("retrying-tasks");
    private final Grid<OutboxTaskResponse> dead = grid("dead-letters");
    private final Paragraph noneRetrying = new Paragraph();

    public OutboxView(BackendSession session) {
        this.session = session;
        setSizeFull();
        retrying.addColumn(t -> time(t.getNextAttemptAt())).setHeader(getTranslation("outbox.nextTryUtc"))
                .setAutoWidth(true);
        retrying.addColumn(OutboxTaskResponse::getLastError).setHeader(getTranslation("outbox.lastError"))
                .setFlexGrow(1);
        dead.addColumn(OutboxTaskResponse::getLastError).setHeader(getTranslation("outbox.lastError")).setFlexGrow(1);
        dead.addComponentColumn(this::retry).setHeader("").setAutoWidth(true);
        noneRetrying.setText(getTranslation("outbox.noneRetrying"));
        add(new H3(getTranslation("outbox.retryingTitle")), new Paragraph(getTranslation("outbox.retryingIntro")),
                noneRetrying, retrying, new H3(getTranslation("outbox.deadTitle")),
                new Paragraph(getTranslation("outbox.intro")), dead);
        refresh();
    }

    private Grid<OutboxTaskResponse> grid(String id) {
        Grid<OutboxTaskResponse> grid = new Grid<>(OutboxTaskResponse.class, false);
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addColumn(OutboxTaskResponse::getId).setHeader(getTranslation("common.id")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getKind).setHeader(getTranslation("outbox.kind")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getDedupKey).setHeader(getTranslation("outbox.object")).setAutoWidth(true);
        grid.addColumn(OutboxTaskResponse::getAttempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true);
        grid.addColumn(t -> time(t.getCreatedAt())).setHeader(getTranslation("outbox.createdUtc")).setAutoWidth(true);
        return grid;
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at);
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
            List<OutboxTaskResponse> waiting = session.call(c -> new AdminOutboxApi(c).listRetryingOutboxTasks(100));
            retrying.setItems(waiting);
            retrying.setVisible(!waiting.isEmpty());
            noneRetrying.setVisible(waiting.isEmpty());
            List<OutboxTaskResponse> failed = session.call(c -> new AdminOutboxApi(c).listDeadOutboxTasks(100));
            dead.setItems(failed);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
