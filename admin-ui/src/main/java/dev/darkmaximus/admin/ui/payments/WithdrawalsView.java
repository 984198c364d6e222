package dev.darkmaximus.admin.ui.payments;

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
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminMoneyApi;
import dev.darkmaximus.client.model.DeclineRequest;
import dev.darkmaximus.client.model.Withdrawal;

/** Referral payout requests: approve (then pay by hand) or decline with a reason the customer is told. */
@dev.darkmaximus.admin.ui.AdminOnly
@Route(value = "withdrawals", layout = MainLayout.class)
@PageTitle("Withdrawals · Dark Maximus")
public class WithdrawalsView extends VerticalLayout {

    private final BackendSession session;
    private final ComboBox<String> status = new ComboBox<>("Status");
    private final Grid<Withdrawal> grid = new Grid<>(Withdrawal.class, false);

    public WithdrawalsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        status.setItems("requested", "approved", "declined");
        status.setValue("requested");
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> load());
        grid.setId("withdrawals-grid");
        grid.addColumn(Withdrawal::getId).setHeader("Id").setAutoWidth(true);
        grid.addColumn(w -> TransactionsView.TIME.format(w.getCreatedAt())).setHeader("Asked (UTC)");
        grid.addColumn(w -> "customer " + w.getCustomerId()).setHeader("Who");
        grid.addColumn(w -> Amounts.format(w.getAmountMinor(), w.getCurrency())).setHeader("Amount");
        grid.addColumn(w -> w.getMethod() + ": " + w.getDetails()).setHeader("Pay to");
        grid.addColumn(w -> w.getStatus() + (w.getDeclineReason() == null ? "" : " · " + w.getDeclineReason()))
                .setHeader("Status");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(status, grid);
        load();
    }

    private HorizontalLayout actions(Withdrawal w) {
        if (!"REQUESTED".equals(w.getStatus()) || !session.isAdmin()) {
            return new HorizontalLayout();
        }
        Button approve = new Button("Approve", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Approve?", "Debit " + Amounts.format(w.getAmountMinor(),
                    w.getCurrency()) + " from the referral account? Pay it out by hand afterwards.", "Approve",
                    ok -> act(() -> session.call(c -> new AdminMoneyApi(c).approveWithdrawal(w.getId()))));
            confirm.setCancelable(true);
            confirm.open();
        });
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        TextField reason = new TextField();
        reason.setPlaceholder("Reason to decline");
        Button decline = new Button("Decline", e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Tell the customer why");
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
            java.util.List<Withdrawal> requests = session.call(c -> new AdminMoneyApi(c)
                    .listWithdrawals(status.getValue(), 200));
            grid.setItems(requests);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
