package dev.darkmaximus.admin.ui.customers;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.LazyLists;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminCustomersApi;
import dev.darkmaximus.client.model.BanRequest;
import dev.darkmaximus.client.model.CustomerResponse;

@Route(value = "customers", layout = MainLayout.class)
@PageTitle("Customers · Dark Maximus")
public class CustomersView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final BackendSession session;
    private final TextField search = new TextField();
    private final Grid<CustomerResponse> grid = new Grid<>(CustomerResponse.class, false);

    public CustomersView(BackendSession session) {
        this.session = session;
        setSizeFull();
        search.setId("customer-search");
        search.setPlaceholder(getTranslation("customers.search"));
        search.setWidthFull();
        search.setMaxWidth("24em");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            // The search is part of the address, so a found customer list can be bookmarked or sent to a colleague.
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, query() == null ? "customers"
                    : "customers?" + QueryParameters.of("q", query()).getQueryString()));
            refresh();
        });
        grid.setId("customers-grid");
        Grid.Column<CustomerResponse> number = grid.addColumn(CustomerResponse::getNumber)
                .setHeader(getTranslation("customers.number")).setAutoWidth(true).setSortProperty("number");
        grid.addColumn(c -> Privacy.shown(session, c.getTelegramId())).setHeader(getTranslation("customers.telegramId")).setAutoWidth(true)
                .setSortProperty("telegramId");
        grid.addColumn(c -> c.getUsername() == null ? "" : "@" + Privacy.shown(session, c.getUsername()))
                .setHeader(getTranslation("customers.username")).setAutoWidth(true).setSortProperty("username");
        Grid.Column<CustomerResponse> name = grid.addColumn(c -> Privacy.shown(session,
                join(c.getFirstName(), c.getLastName()))).setHeader(getTranslation("customers.name"))
                .setAutoWidth(true).setFlexGrow(1).setSortProperty("name");
        grid.addColumn(CustomerResponse::getLanguage).setHeader(getTranslation("customers.language"))
                .setAutoWidth(true).setSortProperty("language");
        grid.addColumn(c -> c.getRegisteredAt() == null ? "" : DAY.format(c.getRegisteredAt()))
                .setHeader(getTranslation("customers.registeredUtc")).setAutoWidth(true)
                .setSortProperty("registeredAt");
        grid.addColumn(c -> Boolean.TRUE.equals(c.getBanned()) ? getTranslation("customers.banned", c.getBanReason()) : "")
                .setHeader(getTranslation("customers.status")).setAutoWidth(true);
        Grid.Column<CustomerResponse> card = grid.addComponentColumn(customer -> {
            Button open = new Button(getTranslation("customer.open"),
                    e -> getUI().ifPresent(ui -> ui.navigate("customers/" + customer.getId())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            open.setClassName("customer-open");
            return open;
        }).setHeader("").setAutoWidth(true);
        if (session.isAdmin()) {
            grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
            grid.addComponentColumn(customer -> {
                Button balance = new Button(getTranslation("customer.balance"),
                        e -> new BalanceDialog(session, customer).open());
                balance.addThemeVariants(ButtonVariant.LUMO_SMALL);
                balance.setClassName("customer-balance");
                return balance;
            }).setHeader("").setAutoWidth(true);
        }
        grid.setEmptyStateText(getTranslation("customers.empty"));
        // On a phone: who it is and the way to their card, where everything else is.
        Responsive.phoneColumns(grid, number, name, card);
        add(Responsive.filters(search), grid);
        LazyLists.bind(grid, "-registeredAt", (sort, offset, limit) -> session.call(c -> new AdminCustomersApi(c)
                .listCustomers(query(), limit, null, sort, offset)).getData());
    }

    private Button action(CustomerResponse customer) {
        boolean banned = Boolean.TRUE.equals(customer.getBanned());
        Button button = new Button(getTranslation(banned ? "customer.unban" : "customer.ban"), e -> {
            if (banned) {
                change(() -> session.call(c -> new AdminCustomersApi(c).unbanCustomer(customer.getId())));
            } else {
                new BanDialog(customer, reason -> change(() -> session.call(c -> new AdminCustomersApi(c)
                        .banCustomer(customer.getId(), new BanRequest().reason(reason)))))
                        .open();
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, banned ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        button.setClassName("customer-action");
        return button;
    }

    private void change(Runnable call) {
        try {
            call.run();
            refresh();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(search::setValue);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private String query() {
        return search.getValue().isBlank() ? null : search.getValue().strip();
    }

    private static String join(String first, String last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }
}
