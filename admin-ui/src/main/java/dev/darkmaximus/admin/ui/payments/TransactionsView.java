package dev.darkmaximus.admin.ui.payments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.LazyLists;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminPaymentsApi;
import dev.darkmaximus.client.model.Transaction;

/** Payments across providers, filtered server-side by status, provider and customer; a row opens its detail. */
@AdminOnly
@Route(value = "transactions", layout = MainLayout.class)
@PageTitle("Transactions · Dark Maximus")
public class TransactionsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int PAGE = 50;

    private final BackendSession session;
    private final ComboBox<String> status = new ComboBox<>(getTranslation("payments.status"));
    private final ComboBox<String> provider = new ComboBox<>(getTranslation("payments.provider"));
    private final IntegerField customer = new IntegerField(getTranslation("payments.customerId"));
    private final Grid<Transaction> grid = new Grid<>(Transaction.class, false);

    public TransactionsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        status.setId("payment-status-filter");
        status.setItems("PENDING", "WAITING_FOR_CAPTURE", "SUCCEEDED", "CANCELED", "EXPIRED", "REFUNDED",
                "PARTIALLY_REFUNDED");
        status.setClearButtonVisible(true);
        status.setItemLabelGenerator(value -> getTranslation("paymentStatus." + value));
        provider.setId("payment-provider-filter");
        provider.setItems("YOOKASSA", "STARS", "BALANCE");
        provider.setClearButtonVisible(true);
        provider.setItemLabelGenerator(value -> getTranslation("provider." + value));
        customer.setId("payment-customer-filter");
        customer.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        provider.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());

        grid.setId("payments-grid");
        grid.addColumn(Transaction::getPaymentId).setHeader(getTranslation("common.id")).setAutoWidth(true);
        Grid.Column<Transaction> created = grid.addColumn(t -> t.getCreatedAt() == null ? ""
                : TIME.format(t.getCreatedAt())).setHeader(getTranslation("payments.createdUtc")).setAutoWidth(true)
                .setSortProperty("createdAt");
        grid.addColumn(t -> "#" + t.getCustomerNumber()).setHeader(getTranslation("payments.customer")).setSortProperty("customer");
        grid.addColumn(t -> getTranslation("orderKind." + t.getOrderKind().getValue()) + " #" + t.getOrderId())
                .setHeader(getTranslation("payments.order")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("provider." + t.getProvider().getValue()))
                .setHeader(getTranslation("payments.provider")).setAutoWidth(true).setSortProperty("provider");
        Grid.Column<Transaction> amount = grid.addColumn(t -> Amounts.format(t.getAmountMinor(), t.getCurrency()))
                .setHeader(getTranslation("payments.amount")).setAutoWidth(true).setSortProperty("amount");
        Grid.Column<Transaction> state = grid.addColumn(t -> getTranslation("paymentStatus." + t.getStatus().getValue()))
                .setHeader(getTranslation("payments.status")).setAutoWidth(true).setSortProperty("status");
        grid.addColumn(t -> t.getRefundedMinor() == null || t.getRefundedMinor() == 0 ? ""
                : Amounts.format(t.getRefundedMinor(), t.getCurrency())).setHeader(getTranslation("payments.refunded")).setAutoWidth(true);
        grid.addItemClickListener(e -> new PaymentDialog(session, e.getItem().getPaymentId(), () -> refresh()).open());
        // On a phone: when, how much, how it stands; a tap opens the rest.
        Responsive.phoneColumns(grid, created, amount, state);
        add(Responsive.filters(status, provider, customer), grid);
        LazyLists.bind(grid, "-createdAt", (sort, offset, limit) -> session.call(c -> new AdminPaymentsApi(c)
                .listPayments(status.getValue(), provider.getValue(),
                        customer.getValue() == null ? null : customer.getValue().longValue(), null, null, limit, null,
                        sort, offset)).getData());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
