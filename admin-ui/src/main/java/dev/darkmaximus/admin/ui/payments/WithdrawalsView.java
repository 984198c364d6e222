package dev.darkmaximus.admin.ui.payments;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminMoneyApi;
import dev.darkmaximus.client.model.DeclineRequest;
import dev.darkmaximus.client.model.Withdrawal;

/** Referral payout requests: approve (then pay by hand) or decline with a reason the customer is told. */
@AdminOnly
@Route(value = "withdrawals", layout = MainLayout.class)
@PageTitle("Withdrawals · Dark Maximus")
public class WithdrawalsView extends VerticalLayout {

    private final BackendSession session;
    private final ComboBox<String> status = new ComboBox<>(getTranslation("withdrawals.status"));
    private final Grid<Withdrawal> grid = new Grid<>(Withdrawal.class, false);

    public WithdrawalsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        status.setItems("requested", "approved", "declined");
        status.setItemLabelGenerator(value -> getTranslation("withdrawalStatus." + value));
        status.setValue("requested");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> load());
        grid.setId("withdrawals-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(Withdrawal::getId).setHeader(getTranslation("common.id")).setAutoWidth(true);
        grid.addColumn(w -> TransactionsView.TIME.format(w.getCreatedAt())).setHeader(getTranslation("withdrawals.askedUtc"));
        grid.addColumn(w -> getTranslation("withdrawals.customer", w.getCustomerId()))
                .setHeader(getTranslation("withdrawals.who"));
        grid.addColumn(w -> Amounts.format(w.getAmountMinor(), w.getCurrency())).setHeader(getTranslation("withdrawals.amount"));
        grid.addColumn(w -> w.getMethod() + ": " + w.getDetails()).setHeader(getTranslation("withdrawals.payTo"));
        grid.addColumn(w -> getTranslation("withdrawalStatus." + w.getStatus()) + (w.getDeclineReason() == null ? "" : " · " + w.getDeclineReason()))
                .setHeader(getTranslation("withdrawals.status"));
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(status, grid);
        load();
    }

    private HorizontalLayout actions(Withdrawal w) {
        if (!"REQUESTED".equals(w.getStatus()) || !session.isAdmin()) {
            return new HorizontalLayout();
        }
        Button approve = new Button(getTranslation("withdrawals.approve"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("withdrawals.approveTitle"),
                    getTranslation("withdrawals.approveText", Amounts.format(w.getAmountMinor(), w.getCurrency())),
                    getTranslation("withdrawals.approve"),
                    ok -> act(() -> session.call(c -> new AdminMoneyApi(c).approveWithdrawal(w.getId()))));
            confirm.setCancelable(true);
            confirm.open();
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        TextField reason = new TextField();
        reason.setPlaceholder(getTranslation("withdrawals.declineReason"));
        Button decline = new Button(getTranslation("withdrawals.decline"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("withdrawals.declineReasonEmpty"));
                reason.setInvalid(true);
                return;
            }
            act(() -> session.call(c -> new AdminMoneyApi(c).declineWithdrawal(w.getId(),
                    new DeclineRequest().reason(reason.getValue().strip()))));
        });
        decline.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(approve, reason, decline);
    }

    private void act(Runnable call) {
        try {
            call.run();
            load();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void load() {
        try {
            List<Withdrawal> requests = session.call(c -> new AdminMoneyApi(c)
                    .listWithdrawals(status.getValue(), 200));
            grid.setItems(requests);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
