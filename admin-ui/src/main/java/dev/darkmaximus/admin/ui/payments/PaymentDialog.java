package dev.darkmaximus.admin.ui.payments;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.plans.Rubles;
import dev.darkmaximus.client.api.AdminPaymentsApi;
import dev.darkmaximus.client.model.PaymentDetail;
import dev.darkmaximus.client.model.RefundOutcome;
import dev.darkmaximus.client.model.RefundRequest;

/** A payment's facts, status history and refunds; re-check at the provider, and (admins) refund with confirmation. */
public class PaymentDialog extends Dialog {

    private final BackendSession session;
    private final long paymentId;
    private final Runnable changed;
    private final VerticalLayout body = new VerticalLayout();

    public PaymentDialog(BackendSession session, long paymentId, Runnable changed) {
        this.session = session;
        this.paymentId = paymentId;
        this.changed = changed;
        setId("payment-dialog");
        setHeaderTitle("Payment #" + paymentId);
        setWidth("min(40em, 100vw)");
        add(body);
        getFooter().add(new Button("Close", e -> close()));
        render();
    }

    private void render() {
        body.removeAll();
        PaymentDetail detail;
        try {
            detail = session.call(c -> new AdminPaymentsApi(c).getPayment(paymentId));
        } catch (BackendException e) {
            Failures.show(e);
            return;
        }
        var p = detail.getPayment();
        var o = detail.getOrder();
        body.add(line("Order", o.getKind() + " #" + o.getId() + " · " + o.getStatus()),
                line("Customer id", String.valueOf(o.getCustomerId())),
                line("Provider", p.getProvider() + (p.getProviderPaymentId() == null ? "" : " · " + p.getProviderPaymentId())),
                line("Amount", Amounts.format(p.getAmountMinor(), p.getCurrency()) + " (base "
                        + Amounts.format(o.getBaseMinor(), o.getCurrency()) + ", promo −"
                        + Amounts.format(o.getPromoDiscountMinor(), o.getCurrency()) + ", referral −"
                        + Amounts.format(o.getReferralDiscountMinor(), o.getCurrency()) + ")"),
                line("Status", p.getStatus() + (p.getRefundedMinor() != null && p.getRefundedMinor() > 0
                        ? " · refunded " + Amounts.format(p.getRefundedMinor(), p.getCurrency()) : "")));
        body.add(new H4("History"));
        detail.getHistory().forEach(t -> body.add(line(TransactionsView.TIME.format(t.getAt()),
                (t.getFrom() == null ? "" : t.getFrom() + " → ") + t.getTo() + " (" + t.getSource() + ")")));
        if (!detail.getRefunds().isEmpty()) {
            body.add(new H4("Refunds"));
            detail.getRefunds().forEach(r -> body.add(line("#" + r.getId(), Amounts.format(r.getAmountMinor(),
                    r.getCurrency()) + " · " + r.getStatus() + (Boolean.TRUE.equals(r.getToBalance()) ? " · to balance" : "")
                    + " · " + r.getReason() + (r.getError() == null ? "" : " · " + r.getError()))));
        }
        Button recheck = new Button("Re-check at provider", e -> {
            try {
                session.call(c -> new AdminPaymentsApi(c).recheckPayment(paymentId));
                changed.run();
                render();
            } catch (BackendException ex) {
                Failures.show(ex);
            }
        });
        recheck.setId("payment-recheck");
        body.add(recheck);
        String status = String.valueOf(p.getStatus());
        if (session.isAdmin() && ("SUCCEEDED".equals(status) || "PARTIALLY_REFUNDED".equals(status))) {
            body.add(refundForm(p.getAmountMinor() - (p.getRefundedMinor() == null ? 0 : p.getRefundedMinor()),
                    String.valueOf(p.getCurrency())));
        }
    }

    private VerticalLayout refundForm(long left, String currency) {
        TextField amount = new TextField("Amount (" + currency + ", empty = all " + Amounts.format(left, currency) + ")");
        amount.setId("refund-amount");
        TextField reason = new TextField("Reason");
        reason.setId("refund-reason");
        reason.setRequired(true);
        Checkbox toBalance = new Checkbox("To the customer's balance instead");
        ComboBox<String> keyAction = new ComboBox<>("Key");
        keyAction.setItems("NONE", "SHORTEN", "REVOKE");
        keyAction.setValue("NONE");
        keyAction.setItemLabelGenerator(v -> switch (v) {
            case "SHORTEN" -> "Shorten by the refunded share";
            case "REVOKE" -> "Revoke";
            default -> "Keep as is";
        });
        Button refund = new Button("Refund…", e -> {
            Long minor = null;
            if (!amount.getValue().isBlank()) {
                minor = "RUB".equals(currency) ? Rubles.toKopecks(amount.getValue()).orElse(-1L)
                        : parseWhole(amount.getValue());
                if (minor <= 0) {
                    amount.setErrorMessage("An amount like 99.90");
                    amount.setInvalid(true);
                    return;
                }
            }
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why");
                reason.setInvalid(true);
                return;
            }
            RefundRequest request = new RefundRequest().amountMinor(minor).reason(reason.getValue().strip())
                    .toBalance(toBalance.getValue())
                    .keyAction(RefundRequest.KeyActionEnum.fromValue(keyAction.getValue()));
            ConfirmDialog confirm = new ConfirmDialog("Refund?", "Refund " + (minor == null ? "everything left"
                    : Amounts.format(minor, currency)) + (toBalance.getValue() ? " to the balance" : " to the payer")
                    + "? This can't be undone.", "Refund", ok -> submit(request, Map.of("amountMinor", amount,
                    "reason", reason)));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        refund.setId("refund-submit");
        refund.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout form = new VerticalLayout(new H4("Refund"), amount, reason, toBalance, keyAction, refund);
        form.setPadding(false);
        return form;
    }

    private void submit(RefundRequest request, Map<String, TextField> fields) {
        try {
            RefundOutcome outcome = session.call(c -> new AdminPaymentsApi(c).refundPayment(paymentId, request));
            Notification.show("Refund " + outcome.getRefund().getStatus().toLowerCase()
                    + (outcome.getKeyActionError() == null ? "" : "; key: " + outcome.getKeyActionError()));
            changed.run();
            render();
        } catch (BackendException e) {
            Failures.show(e, fields);
        }
    }

    private static long parseWhole(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Div line(String label, String value) {
        Div div = new Div();
        div.setText(label + ": " + value);
        return div;
    }
}
