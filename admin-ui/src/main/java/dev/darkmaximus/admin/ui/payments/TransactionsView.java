package dev.darkmaximus.admin.ui.payments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.LazyLists;
import dev.darkmaximus.admin.ui.MainLayout;
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
        provider.setId("payment-provider-filter");
        provider.setItems("YOOKASSA", "STARS", "BALANCE");
        provider.setClearButtonVisible(true);
        customer.setId("payment-customer-filter");
        customer.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        provider.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());

        grid.setId("payments-grid");
        grid.addColumn(Transaction::getPaymentId).setHeader(getTranslation("common.id")).setAutoWidth(true);
        grid.addColumn(t -> t.getCreatedAt() == null ? "" : TIME.format(t.getCreatedAt())).setHeader(getTranslation("payments.createdUtc"))
                .setSortProperty("createdAt");
        grid.addColumn(t -> "#" + t.getCustomerNumber()).setHeader(getTranslation("payments.customer")).setSortProperty("customer");
        grid.addColumn(t -> t.getOrderKind() + " #" + t.getOrderId()).setHeader(getTranslation("payments.order"));
        grid.addColumn(Transaction::getProvider).setHeader(getTranslation("payments.provider")).setSortProperty("provider");
        grid.addColumn(t -> Amounts.format(t.getAmountMinor(), t.getCurrency())).setHeader(getTranslation("payments.amount"))
                .setSortProperty("amount");
        grid.addColumn(Transaction::getStatus).setHeader(getTranslation("payments.status")).setSortProperty("status");
        grid.addColumn(t -> t.getRefundedMinor() == null || t.getRefundedMinor() == 0 ? ""
                : Amounts.format(t.getRefundedMinor(), t.getCurrency())).setHeader(getTranslation("payments.refunded"));
        grid.addItemClickListener(e -> new PaymentDialog(session, e.getItem().getPaymentId(), () -> refresh()).open());
        HorizontalLayout filters = new HorizontalLayout(status, provider, customer);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(filters, grid);
        LazyLists.bind(grid, "-createdAt", (sort, offset, limit) -> session.call(c -> new AdminPaymentsApi(c)
                .listPayments(status.getValue(), provider.getValue(),
                        customer.getValue() == null ? null : customer.getValue().longValue(), null, null, limit, null,
                        sort, offset)).getData());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
