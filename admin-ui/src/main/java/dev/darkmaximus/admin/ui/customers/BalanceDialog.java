package dev.darkmaximus.admin.ui.customers;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.admin.ui.plans.Rubles;
import dev.darkmaximus.client.api.AdminMoneyApi;
import dev.darkmaximus.client.model.BalanceAdjustment;
import dev.darkmaximus.client.model.CustomerLedger;
import dev.darkmaximus.client.model.CustomerResponse;
import dev.darkmaximus.client.model.LedgerLine;

/** A customer's balances and statement; admins correct the balance with a reason (audited by the backend). */
class BalanceDialog extends Dialog {

    private final BackendSession session;
    private final CustomerResponse customer;
    private final Span balances = new Span();
    private final Grid<LedgerLine> lines = new Grid<>(LedgerLine.class, false);

    BalanceDialog(BackendSession session, CustomerResponse customer) {
        this.session = session;
        this.customer = customer;
        setId("balance-dialog");
        setHeaderTitle(getTranslation("customers.balanceTitle", customer.getNumber()));
        setWidth("min(48em, 100vw)");
        balances.setId("balance-now");
        lines.setId("ledger-grid");
        lines.setEmptyStateText(getTranslation("common.empty"));
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> l.getCreatedAt() == null ? "" : l.getCreatedAt().toLocalDate().toString()).setHeader(getTranslation("customers.date"));
        lines.addColumn(LedgerLine::getAccount).setHeader(getTranslation("customers.account"));
        lines.addColumn(l -> getTranslation("ledgerKind." + l.getKind())).setHeader(getTranslation("customers.kind"));
        lines.addColumn(l -> Amounts.format(l.getAmountMinor(), l.getCurrency())).setHeader(getTranslation("customers.amount"));
        lines.addColumn(l -> Amounts.format(l.getBalanceAfterMinor(), l.getCurrency())).setHeader(getTranslation("customers.after"));
        lines.addColumn(LedgerLine::getReason).setHeader(getTranslation("customers.reason"));
        add(balances);
        if (session.isAdmin()) {
            add(adjustForm());
        }
        add(lines);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        load();
    }

    private HorizontalLayout adjustForm() {
        TextField amount = new TextField(getTranslation("customers.adjustAmount"));
        amount.setId("adjust-amount");
        Checkbox debit = new Checkbox(getTranslation("customers.debit"));
        TextField reason = new TextField(getTranslation("customers.reason"));
        reason.setId("adjust-reason");
        Button apply = new Button(getTranslation("customers.apply"), e -> {
            var kopecks = Rubles.toKopecks(amount.getValue());
            if (kopecks.isEmpty() || kopecks.get() == 0) {
                amount.setErrorMessage(getTranslation("customers.adjustAmountInvalid"));
                amount.setInvalid(true);
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("customers.adjustReasonEmpty"));
                reason.setInvalid(true);
                return;
            }
            long signed = debit.getValue() ? -kopecks.get() : kopecks.get();
            try {
                session.call(c -> new AdminMoneyApi(c).adjustBalance(customer.getId(),
                        new BalanceAdjustment().amountMinor(signed).reason(reason.getValue().strip())));
                amount.clear();
                reason.clear();
                load();
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("amountMinor", amount, "reason", reason));
            }
        });
        apply.setId("adjust-submit");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(amount, debit, reason, apply);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void load() {
        try {
            CustomerLedger ledger = session.call(c -> new AdminMoneyApi(c).getCustomerLedger(customer.getId(), null, 100));
            balances.setText(getTranslation("customers.balanceNow", Amounts.format(ledger.getMainMinor(), "RUB"),
                    Amounts.format(ledger.getReferralMinor(), "RUB")));
            lines.setItems(ledger.getLines());
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
