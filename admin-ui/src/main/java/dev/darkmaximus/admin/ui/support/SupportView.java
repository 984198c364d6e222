package dev.darkmaximus.admin.ui.support;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.client.api.AdminSupportApi;
import dev.darkmaximus.client.model.QueuedTicket;
import dev.darkmaximus.client.model.Ticket;
import dev.darkmaximus.client.model.TicketAssignRequest;
import dev.darkmaximus.client.model.TicketMessage;
import dev.darkmaximus.client.model.TicketPage;
import dev.darkmaximus.client.model.TicketReplyRequest;

/**
 * The support queue (SPEC §12) for admins and operators: tickets on the left, the chosen conversation on the right,
 * answered, taken or closed from there. Answers reach the customer in the chat bot.
 */
@Route(value = "support", layout = MainLayout.class)
@PageTitle("Support · Dark Maximus")
public class SupportView extends SplitLayout {

    private static final int PAGE = 30;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final BackendSession session;
    private final Select<String> status = new Select<>();
    private final Select<String> whose = new Select<>();
    private final Grid<QueuedTicket> grid = new Grid<>(QueuedTicket.class, false);
    private final Button more = new Button(getTranslation("common.loadMore"), e -> load(false));
    private final List<QueuedTicket> shown = new ArrayList<>();
    private final VerticalLayout conversation = new VerticalLayout();
    private Long openTicket;

    public SupportView(BackendSession session) {
        this.session = session;
        setSizeFull();
        setSplitterPosition(45);
        Responsive.stackOnPhones(this, 45);
        status.setId("ticket-status");
        status.setLabel(getTranslation("support.status"));
        status.setItems("ACTIVE", "OPEN", "WAITING_CUSTOMER", "CLOSED", "ALL");
        status.setItemLabelGenerator(s -> getTranslation("support.filter." + s));
        status.setValue("ACTIVE");
        status.addValueChangeListener(e -> load(true));
        whose.setId("ticket-whose");
        whose.setLabel(getTranslation("support.whose"));
        whose.setItems("ANYONE", "MINE", "UNASSIGNED");
        whose.setItemLabelGenerator(s -> getTranslation("support.whose." + s));
        whose.setValue("ANYONE");
        whose.addValueChangeListener(e -> load(true));
        Button refresh = new Button(getTranslation("common.refresh"), e -> {
            load(true);
            if (openTicket != null) {
                open(openTicket);
            }
        });
        refresh.setId("tickets-refresh");

        grid.setId("tickets-grid");

        grid.setEmptyStateText(getTranslation("common.empty"));
        Grid.Column<QueuedTicket> number = grid.addColumn(t -> "#" + t.getId()).setHeader("#").setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<QueuedTicket> who = grid.addColumn(t -> Privacy.shown(session, t.getCustomerName()))
                .setHeader(getTranslation("support.customer")).setAutoWidth(true);
        grid.addColumn(t -> t.getSubject() == null ? "" : t.getSubject()).setHeader(getTranslation("support.subject"));
        Grid.Column<QueuedTicket> state = grid.addComponentColumn(t -> badge(t.getStatus()))
                .setHeader(getTranslation("support.status")).setAutoWidth(true);
        // On a phone: which ticket, whose, how it stands; the conversation opens below.
        Responsive.phoneColumns(grid, number, who, state);
        grid.addColumn(t -> t.getAssigneeName() == null ? "" : t.getAssigneeName())
                .setHeader(getTranslation("support.assignee")).setAutoWidth(true);
        grid.addColumn(t -> t.getUpdatedAt() == null ? "" : AT.format(t.getUpdatedAt().toLocalDateTime()))
                .setHeader(getTranslation("support.updated")).setAutoWidth(true);
        grid.addItemClickListener(e -> open(e.getItem().getId()));
        more.setVisible(false);

        HorizontalLayout filters = Responsive.filters(status, whose, refresh);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout queue = new VerticalLayout(filters, grid, more);
        queue.setSizeFull();
        conversation.setSizeFull();
        conversation.setId("conversation");
        conversation.add(new Span(getTranslation("support.pick")));
        addToPrimary(queue);
        addToSecondary(conversation);
        load(true);
    }

    private void load(boolean fromStart) {
        if (fromStart) {
            shown.clear();
        }
        Long after = shown.isEmpty() ? null : shown.getLast().getId();
        Long assignee = "MINE".equals(whose.getValue()) ? session.staffId() : null;
        boolean unassigned = "UNASSIGNED".equals(whose.getValue());
        try {
            TicketPage page = session.call(c -> new AdminSupportApi(c).listTickets(status.getValue(), assignee,
                    unassigned, null, PAGE, after));
            shown.addAll(page.getData());
            grid.setItems(shown);
            more.setVisible(Boolean.TRUE.equals(page.getHasMore()));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void open(long ticketId) {
        try {
            show(session.call(c -> new AdminSupportApi(c).getTicket(ticketId)));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void show(Ticket ticket) {
        openTicket = ticket.getId();
        conversation.removeAll();
        H4 title = new H4(getTranslation("support.ticket", ticket.getId(), ticket.getSubject() == null ? ""
                : ticket.getSubject()));
        title.setId("ticket-title");
        title.getStyle().set("margin", "0");
        HorizontalLayout head = new HorizontalLayout(title, badge(ticket.getStatus()));
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        Div messages = new Div();
        messages.setId("ticket-messages");
        messages.setWidthFull();
        messages.getStyle().set("overflow", "auto").set("flex", "1");
        for (TicketMessage message : ticket.getMessages()) {
            messages.add(bubble(message));
        }
        conversation.add(head, messages);
        if ("CLOSED".equals(ticket.getStatus())) {
            conversation.add(new Span(getTranslation("support.closed")));
            return;
        }

        TextArea reply = new TextArea();
        reply.setId("reply-text");
        reply.setWidthFull();
        reply.setMaxLength(4000);
        reply.setPlaceholder(getTranslation("support.replyPlaceholder"));
        Button send = new Button(getTranslation("support.send"));
        send.setId("reply-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            if (reply.getValue().isBlank()) {
                reply.setErrorMessage(getTranslation("support.replyEmpty"));
                reply.setInvalid(true);
                send.setEnabled(true);
                return;
            }
            act(() -> session.call(c -> new AdminSupportApi(c).replyToTicket(ticket.getId(),
                    new TicketReplyRequest().text(reply.getValue().strip()))), getTranslation("support.sent"));
            send.setEnabled(true);
        });
        Long me = session.staffId();
        boolean mine = me != null && me.equals(ticket.getAssigneeId());
        Button take = new Button(getTranslation(mine ? "support.release" : "support.take"), e -> act(() ->
                session.call(c -> new AdminSupportApi(c).assignTicket(ticket.getId(),
                        new TicketAssignRequest().staffId(mine ? null : me))), null));
        take.setId("ticket-take");
        Button close = new Button(getTranslation("support.close"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("support.closeTitle", ticket.getId()),
                    getTranslation("support.closeText"), getTranslation("support.close"),
                    ok -> act(() -> session.call(c -> new AdminSupportApi(c).closeTicket(ticket.getId())), null),
                    getTranslation("common.cancel"), cancel -> { });
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("close-confirm");
            confirm.open();
        });
        close.setId("ticket-close");
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        conversation.add(reply, new HorizontalLayout(send, take, close));
    }

    private void act(Supplier<Ticket> call, String done) {
        try {
            Ticket ticket = call.get();
            show(ticket);
            load(true);
            if (done != null) {
                Notification.show(done, 3000, Notification.Position.BOTTOM_START);
            }
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private Div bubble(TicketMessage message) {
        boolean operator = "OPERATOR".equals(message.getAuthor());
        Div bubble = new Div();
        bubble.addClassName("ticket-message");
        bubble.addClassName(operator ? "from-operator" : "from-customer");
        Span who = new Span(getTranslation(operator ? "support.operator" : "support.customer") + " · "
                + AT.format(message.getCreatedAt().toLocalDateTime()));
        who.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(message.getText() == null ? getTranslation("support.photo") : message.getText());
        text.getStyle().set("white-space", "pre-wrap");
        bubble.add(who, text);
        bubble.getStyle().set("max-width", "85%").set("margin", "var(--lumo-space-xs) 0")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", operator ? "var(--lumo-primary-color-10pct)" : "var(--lumo-contrast-5pct)")
                .set("margin-left", operator ? "auto" : "0");
        return bubble;
    }

    private Span badge(String ticketStatus) {
        Span badge = new Span(getTranslation("support.filter." + ticketStatus));
        badge.getElement().getThemeList().add("badge " + switch (ticketStatus) {
            case "OPEN" -> "error";
            case "WAITING_CUSTOMER" -> "success";
            default -> "contrast";
        });
        return badge;
    }
}
