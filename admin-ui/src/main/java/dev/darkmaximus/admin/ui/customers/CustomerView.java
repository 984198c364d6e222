package dev.darkmaximus.admin.ui.customers;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.admin.ui.keys.KeyDialog;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.admin.ui.payments.PaymentDialog;
import dev.darkmaximus.client.api.AdminCustomersApi;
import dev.darkmaximus.client.api.AdminKeysApi;
import dev.darkmaximus.client.api.AdminMoneyApi;
import dev.darkmaximus.client.api.AdminPaymentsApi;
import dev.darkmaximus.client.api.AdminSupportApi;
import dev.darkmaximus.client.model.BanRequest;
import dev.darkmaximus.client.model.CustomerResponse;
import dev.darkmaximus.client.model.KeyResponse;
import dev.darkmaximus.client.model.LedgerLine;
import dev.darkmaximus.client.model.Notification;
import dev.darkmaximus.client.model.QueuedTicket;
import dev.darkmaximus.client.model.Transaction;

/**
 * One customer's card (SPEC §10): profile, keys, payments, ledger, tickets and the messages we sent them. Admins act
 * on the customer from here; operators read it and may write to the customer.
 */
@Route(value = "customers/:id", layout = MainLayout.class)
@PageTitle("Customer · Dark Maximus")
public class CustomerView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private long id;

    public CustomerView(BackendSession session) {
        this.session = session;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            render();
        } catch (NumberFormatException notAnId) {
            event.rerouteTo(CustomersView.class);
        }
    }

    private void render() {
        removeAll();
        CustomerResponse customer;
        try {
            customer = session.call(c -> new AdminCustomersApi(c).getCustomer(id));
        } catch (BackendException e) {
            Failures.show(e);
            return;
        }
        H3 title = new H3("#" + customer.getNumber() + " " + Privacy.shown(session, name(customer)));
        title.setId("customer-title");
        Span facts = new Span(getTranslation("customer.facts", Privacy.shown(session, customer.getTelegramId()),
                customer.getLanguage() == null ? "" : customer.getLanguage().getValue(),
                customer.getRegisteredAt() == null ? "" : AT.format(customer.getRegisteredAt().toLocalDateTime()),
                getTranslation(Boolean.TRUE.equals(customer.getTrialUsed()) ? "common.yes" : "common.no")));
        facts.setId("customer-facts");
        add(title, facts);
        if (Boolean.TRUE.equals(customer.getBanned())) {
            Span banned = new Span(getTranslation("customer.banned", customer.getBanReason()));
            banned.getElement().getThemeList().add("badge error");
            add(banned);
        }
        add(actions(customer));

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.setId("customer-tabs");
        tabs.add(getTranslation("customer.keys"), keys());
        tabs.add(getTranslation("customer.payments"), payments());
        tabs.add(getTranslation("customer.ledger"), ledger());
        tabs.add(getTranslation("customer.tickets"), tickets());
        tabs.add(getTranslation("customer.notifications"), notifications());
        add(tabs);
    }

    private HorizontalLayout actions(CustomerResponse customer) {
        HorizontalLayout actions = new HorizontalLayout();
        Button message = new Button(getTranslation("customer.message"),
                e -> new MessageDialog(session, customer, this::render).open());
        message.setId("customer-message");
        actions.add(message);
        if (session.isAdmin()) {
            Button balance = new Button(getTranslation("customer.balance"), e -> {
                BalanceDialog dialog = new BalanceDialog(session, customer);
                dialog.addOpenedChangeListener(o -> {
                    if (!o.isOpened()) {
                        render();
                    }
                });
                dialog.open();
            });
            balance.setId("customer-balance");
            boolean banned = Boolean.TRUE.equals(customer.getBanned());
            Button ban = new Button(getTranslation(banned ? "customer.unban" : "customer.ban"), e -> {
                if (banned) {
                    act(() -> session.call(c -> new AdminCustomersApi(c).unbanCustomer(id)));
                } else {
                    new BanDialog(customer, reason -> act(() -> session.call(c -> new AdminCustomersApi(c)
                            .banCustomer(id, new BanRequest().reason(reason))))).open();
                }
            });
            ban.setId("customer-ban");
            ban.addThemeVariants(banned ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
            Button trial = new Button(getTranslation("customer.resetTrial"),
                    e -> act(() -> session.call(c -> new AdminCustomersApi(c).resetCustomerTrial(id))));
            trial.setId("customer-reset-trial");
            trial.setEnabled(Boolean.TRUE.equals(customer.getTrialUsed()));
            actions.add(balance, trial, ban);
        }
        return actions;
    }

    private void act(Runnable call) {
        try {
            call.run();
            render();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private Component keys() {
        Grid<KeyResponse> grid = new Grid<>(KeyResponse.class, false);
        grid.setId("customer-keys");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(k -> "#" + k.getNumber()).setHeader("#").setAutoWidth(true);
        grid.addColumn(KeyResponse::getHostName).setHeader(getTranslation("customer.host"));
        grid.addColumn(k -> getTranslation("keyStatus." + k.getStatus().getValue())).setHeader(getTranslation("customer.status"));
        grid.addColumn(k -> k.getExpiresAt() == null ? "" : AT.format(k.getExpiresAt().toLocalDateTime()))
                .setHeader(getTranslation("customer.expires"));
        grid.addColumn(k -> Boolean.TRUE.equals(k.getTrial()) ? getTranslation("customer.trial") : "");
        if (session.isAdmin()) {
            grid.addItemClickListener(e -> new KeyDialog(session, e.getItem(), this::render).open());
        }
        load(grid, () -> session.call(c -> new AdminKeysApi(c).listKeys(null, null, id, null, null, 100, null, null, 0)).getData());
        return grid;
    }

    private Component payments() {
        Grid<Transaction> grid = new Grid<>(Transaction.class, false);
        grid.setId("customer-payments");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(p -> "#" + p.getPaymentId()).setHeader("#").setAutoWidth(true);
        grid.addColumn(p -> Amounts.format(p.getAmountMinor(), p.getCurrency())).setHeader(getTranslation("customer.amount"));
        grid.addColumn(p -> getTranslation("provider." + p.getProvider())).setHeader(getTranslation("customer.provider"));
        grid.addColumn(p -> getTranslation("paymentStatus." + p.getStatus())).setHeader(getTranslation("customer.status"));
        grid.addColumn(p -> AT.format(p.getCreatedAt().toLocalDateTime())).setHeader(getTranslation("customer.at"));
        if (session.isAdmin()) {
            grid.addItemClickListener(e -> new PaymentDialog(session, e.getItem().getPaymentId(), this::render).open());
        }
        load(grid, () -> session.call(c -> new AdminPaymentsApi(c).listPayments(null, null, id, null, null, 100, null, null, 0))
                .getData());
        return grid;
    }

    private Component ledger() {
        Grid<LedgerLine> grid = new Grid<>(LedgerLine.class, false);
        grid.setId("customer-ledger");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(l -> AT.format(l.getCreatedAt().toLocalDateTime())).setHeader(getTranslation("customer.at"));
        grid.addColumn(l -> getTranslation("ledgerKind." + l.getKind())).setHeader(getTranslation("customer.kind"));
        grid.addColumn(l -> Amounts.format(l.getAmountMinor(), l.getCurrency())).setHeader(getTranslation("customer.amount"));
        grid.addColumn(l -> Amounts.format(l.getBalanceAfterMinor(), l.getCurrency())).setHeader(getTranslation("customer.after"));
        grid.addColumn(l -> l.getReason() == null ? "" : l.getReason()).setHeader(getTranslation("customer.reason"));
        load(grid, () -> session.call(c -> new AdminMoneyApi(c).getCustomerLedger(id, null, 100)).getLines());
        return grid;
    }

    private Component tickets() {
        Grid<QueuedTicket> grid = new Grid<>(QueuedTicket.class, false);
        grid.setId("customer-tickets");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(t -> "#" + t.getId()).setHeader("#").setAutoWidth(true);
        grid.addColumn(t -> t.getSubject() == null ? "" : t.getSubject()).setHeader(getTranslation("support.subject"));
        grid.addColumn(t -> getTranslation("support.filter." + t.getStatus())).setHeader(getTranslation("customer.status"));
        grid.addColumn(t -> AT.format(t.getUpdatedAt().toLocalDateTime())).setHeader(getTranslation("customer.at"));
        load(grid, () -> session.call(c -> new AdminSupportApi(c).listTickets("ALL", null, false, id, 100, null)).getData());
        return grid;
    }

    private Component notifications() {
        Grid<Notification> grid = new Grid<>(Notification.class, false);
        grid.setId("customer-notifications");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(n -> AT.format(n.getCreatedAt().toLocalDateTime())).setHeader(getTranslation("customer.at"));
        grid.addColumn(Notification::getTemplateKey).setHeader(getTranslation("customer.template"));
        grid.addColumn(n -> getTranslation("notificationStatus." + n.getStatus())).setHeader(getTranslation("customer.status"));
        grid.addColumn(n -> n.getError() == null ? "" : n.getError()).setHeader(getTranslation("customer.error"));
        load(grid, () -> session.call(c -> new AdminCustomersApi(c).listCustomerNotifications(id, 100)));
        return grid;
    }

    private <T> void load(Grid<T> grid, Supplier<List<T>> rows) {
        grid.setAllRowsVisible(true);
        try {
            grid.setItems(rows.get());
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    static String name(CustomerResponse c) {
        String name = ((c.getFirstName() == null ? "" : c.getFirstName()) + " "
                + (c.getLastName() == null ? "" : c.getLastName())).strip();
        return c.getUsername() == null ? name : (name + " @" + c.getUsername()).strip();
    }
}
