package dev.darkmaximus.admin.ui.broadcasts;

import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminBroadcastsApi;
import dev.darkmaximus.client.model.Broadcast;
import dev.darkmaximus.client.model.BroadcastProgress;

/**
 * Broadcasts (SPEC §11): the list with live progress (the page polls while one runs), compose and edit drafts,
 * pause, resume and cancel.
 */
@AdminOnly
@Route(value = "broadcasts", layout = MainLayout.class)
@PageTitle("Broadcasts · Dark Maximus")
public class BroadcastsView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private final Grid<Broadcast> grid = new Grid<>(Broadcast.class, false);
    private Registration polling;

    public BroadcastsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button compose = new Button(getTranslation("broadcasts.new"),
                e -> new BroadcastDialog(session, null, this::load).open());
        compose.setId("broadcast-new");
        compose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("broadcasts-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(b -> "#" + b.getId()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(b -> preview(b.getText())).setHeader(getTranslation("broadcasts.text"));
        grid.addColumn(b -> getTranslation("broadcasts.audience." + b.getAudience().getKind().getValue()))
                .setHeader(getTranslation("broadcasts.audience")).setAutoWidth(true);
        grid.addColumn(b -> getTranslation("broadcasts.status." + b.getStatus().getValue()))
                .setHeader(getTranslation("broadcasts.status")).setAutoWidth(true);
        grid.addComponentColumn(this::progress).setHeader(getTranslation("broadcasts.progress")).setWidth("16em")
                .setFlexGrow(0);
        grid.addColumn(b -> b.getScheduledAt() == null ? "" : AT.format(b.getScheduledAt().toLocalDateTime()))
                .setHeader(getTranslation("broadcasts.scheduled")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.addItemClickListener(e -> {
            if (e.getItem().getStatus() == Broadcast.StatusEnum.DRAFT) {
                new BroadcastDialog(session, e.getItem(), this::load).open();
            }
        });
        add(compose, grid);
        load();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(3000);
        polling = event.getUI().addPollListener(e -> {
            if (grid.getListDataView().getItems().anyMatch(BroadcastsView::live)) {
                load();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    void load() {
        try {
            List<Broadcast> broadcasts = session.call(c -> new AdminBroadcastsApi(c).listBroadcasts(null, 50));
            grid.setItems(broadcasts);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private static boolean live(Broadcast b) {
        return b.getStatus() == Broadcast.StatusEnum.RUNNING || b.getStatus() == Broadcast.StatusEnum.SCHEDULED;
    }

    private VerticalLayout progress(Broadcast b) {
        BroadcastProgress p = b.getProgress();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        if (p == null || p.getTotal() == null || p.getTotal() == 0) {
            return box;
        }
        long interrupted = interrupted(b);
        long done = p.getSent() + p.getBlocked() + p.getFailed() + interrupted;
        ProgressBar bar = new ProgressBar(0, p.getTotal(), done);
        Span figures = new Span(getTranslation("broadcasts.figures", p.getSent(), p.getBlocked(), p.getFailed(),
                p.getTotal()) + (interrupted == 0 ? "" : getTranslation("broadcasts.interrupted", interrupted)));
        figures.addClassName("broadcast-figures");
        figures.getStyle().set("font-size", "var(--lumo-font-size-xs)");
        box.add(bar, figures);
        return box;
    }

    private HorizontalLayout actions(Broadcast b) {
        HorizontalLayout actions = new HorizontalLayout();
        switch (b.getStatus()) {
            case RUNNING, SCHEDULED -> actions.add(
                    small("broadcasts.pause", "broadcast-pause", () -> session.call(c ->
                            new AdminBroadcastsApi(c).pauseBroadcast(b.getId()))),
                    cancel(b));
            case PAUSED -> actions.add(
                    small("broadcasts.resume", "broadcast-resume", () -> session.call(c ->
                            new AdminBroadcastsApi(c).resumeBroadcast(b.getId()))),
                    cancel(b));
            default -> { }
        }
        if (interrupted(b) > 0 && b.getStatus() != Broadcast.StatusEnum.CANCELED) {
            actions.add(resend(b));
        }
        return actions;
    }

    private static long interrupted(Broadcast b) {
        return b.getProgress() == null || b.getProgress().getInterrupted() == null ? 0
                : b.getProgress().getInterrupted();
    }

    /** Interrupted recipients may have got the message already: resending is the admin's call, after a warning. */
    private Button resend(Broadcast b) {
        Button resend = new Button(getTranslation("broadcasts.resend"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("broadcasts.resendTitle", interrupted(b)),
                    getTranslation("broadcasts.resendText"), getTranslation("broadcasts.resend"),
                    ok -> run(() -> session.call(c -> new AdminBroadcastsApi(c).resendInterruptedBroadcast(b.getId()))),
                    getTranslation("common.cancel"), no -> { });
            confirm.open();
        });
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        resend.addClassName("broadcast-resend");
        return resend;
    }

    private Button cancel(Broadcast b) {
        Button cancel = new Button(getTranslation("broadcasts.cancel"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("broadcasts.cancelTitle", b.getId()),
                    getTranslation("broadcasts.cancelText"), getTranslation("broadcasts.cancel"),
                    ok -> run(() -> session.call(c -> new AdminBroadcastsApi(c).cancelBroadcast(b.getId()))),
                    getTranslation("common.cancel"), no -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        cancel.addClassName("broadcast-cancel");
        return cancel;
    }

    private Button small(String key, String cssClass, Runnable call) {
        Button button = new Button(getTranslation(key), e -> run(call));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.addClassName(cssClass);
        return button;
    }

    private void run(Runnable call) {
        try {
            call.run();
            load();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private static String preview(String text) {
        String plain = text == null ? "" : text.replaceAll("<[^>]+>", "").replace('\n', ' ');
        return plain.length() > 80 ? plain.substring(0, 79) + "…" : plain;
    }
}
