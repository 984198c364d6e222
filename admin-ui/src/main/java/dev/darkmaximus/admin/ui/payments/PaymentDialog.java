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
import dev.darkmaximus.client.model.Payment;
import dev.darkmaximus.client.model.PaymentDetail;
import dev.darkmaximus.client.model.RefundOptions;
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
        setHeaderTitle(getTranslation("payments.title", paymentId));
        setWidth("min(40em, 100vw)");
        add(body);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
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
        body.add(line(getTranslation("payments.order"), o.getKind() + " #" + o.getId() + " · " + o.getStatus()),
                line(getTranslation("payments.customerId"), String.valueOf(o.getCustomerId())),
                line(getTranslation("payments.provider"),
                        p.getProvider() + (p.getProviderPaymentId() == null ? "" : " · " + p.getProviderPaymentId())),
                line(getTranslation("payments.amount"), getTranslation("payments.amountLine",
                        Amounts.format(p.getAmountMinor(), p.getCurrency()),
                        Amounts.format(o.getBaseMinor(), o.getCurrency()),
                        Amounts.format(o.getPromoDiscountMinor(), o.getCurrency()),
                        Amounts.format(o.getReferralDiscountMinor(), o.getCurrency()))),
                line(getTranslation("payments.status"), p.getRefundedMinor() != null && p.getRefundedMinor() > 0
                        ? getTranslation("payments.statusRefunded", String.valueOf(p.getStatus()),
                                Amounts.format(p.getRefundedMinor(), p.getCurrency()))
                        : String.valueOf(p.getStatus())));
        body.add(new H4(getTranslation("payments.history")));
        detail.getHistory().forEach(t -> body.add(line(TransactionsView.TIME.format(t.getAt()),
                (t.getFrom() == null ? "" : t.getFrom() + " → ") + t.getTo() + " (" + t.getSource() + ")")));
        if (!detail.getRefunds().isEmpty()) {
            body.add(new H4(getTranslation("payments.refunds")));
            detail.getRefunds().forEach(r -> {
                String refund = Amounts.format(r.getAmountMinor(), r.getCurrency()) + " · " + r.getStatus();
                if (Boolean.TRUE.equals(r.getToBalance())) {
                    refund = getTranslation("payments.refundToBalance", refund);
                }
                body.add(line("#" + r.getId(), refund + " · " + r.getReason()
                        + (r.getError() == null ? "" : " · " + r.getError())));
            });
        }
        Button recheck = new Button(getTranslation("payments.recheck"), e -> {
            try {
                session.call(c -> new AdminPaymentsApi(c).recheckPayment(paymentId));
                changed.run();
                render();
            } catch (BackendException ex) {
                Failures.show(ex);
            }
        });
        recheck.setId("payment-recheck");
        // A bank transfer has nobody to ask: an admin confirms it below.
        recheck.setVisible(p.getProvider() != Payment.ProviderEnum.BANK_TRANSFER);
        body.add(recheck);
        if (session.isAdmin() && p.getProvider() == Payment.ProviderEnum.BANK_TRANSFER
                && p.getStatus() != Payment.StatusEnum.SUCCEEDED && p.getStatus() != Payment.StatusEnum.REFUNDED
                && p.getStatus() != Payment.StatusEnum.PARTIALLY_REFUNDED) {
            body.add(new TransferForm(session, p, () -> {
                changed.run();
                render();
            }));
        }
        // The server says what may be refunded (how much, to whom); the form offers exactly that.
        RefundOptions options = detail.getRefundOptions();
        if (session.isAdmin() && options != null && options.getRefundableMinor() != null
                && options.getRefundableMinor() > 0) {
            body.add(refundForm(options, String.valueOf(p.getCurrency())));
        }
    }

    private VerticalLayout refundForm(RefundOptions options, String currency) {
        long left = options.getRefundableMinor();
        TextField amount = new TextField(getTranslation("payments.refundAmount", currency, Amounts.format(left, currency)));
        amount.setId("refund-amount");
        TextField reason = new TextField(getTranslation("payments.reason"));
        reason.setId("refund-reason");
        reason.setRequired(true);
        Checkbox toBalance = new Checkbox(getTranslation("payments.toBalance"));
        toBalance.setId("refund-to-balance");
        boolean toPayer = Boolean.TRUE.equals(options.getToPayer());
        boolean balanceAllowed = Boolean.TRUE.equals(options.getToBalance());
        toBalance.setValue(!toPayer);
        toBalance.setReadOnly(!toPayer || !balanceAllowed);
        toBalance.setVisible(balanceAllowed);
        ComboBox<String> keyAction = new ComboBox<>(getTranslation("payments.keyAction"));
        keyAction.setItems("NONE", "SHORTEN", "REVOKE");
        keyAction.setValue("NONE");
        keyAction.setItemLabelGenerator(v -> switch (v) {
            case "SHORTEN" -> getTranslation("payments.keyAction.SHORTEN");
            case "REVOKE" -> getTranslation("payments.keyAction.REVOKE");
            default -> getTranslation("payments.keyAction.NONE");
        });
        Button refund = new Button(getTranslation("payments.refundAction"), e -> {
            Long minor = null;
            if (!amount.getValue().isBlank()) {
                minor = "RUB".equals(currency) ? Rubles.toKopecks(amount.getValue()).orElse(-1L)
                        : parseWhole(amount.getValue());
                if (minor <= 0) {
                    amount.setErrorMessage(getTranslation("payments.amountInvalid"));
                    amount.setInvalid(true);
                    return;
                }
            }
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("payments.reasonEmpty"));
                reason.setInvalid(true);
                return;
            }
            RefundRequest request = new RefundRequest().amountMinor(minor).reason(reason.getValue().strip())
                    .toBalance(toBalance.getValue())
                    .keyAction(RefundRequest.KeyActionEnum.fromValue(keyAction.getValue()));
            String what = minor == null ? getTranslation("payments.everythingLeft") : Amounts.format(minor, currency);
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("payments.refundTitle"),
                    getTranslation(toBalance.getValue() ? "payments.refundTextBalance" : "payments.refundTextPayer", what),
                    getTranslation("payments.refundConfirm"), ok -> submit(request, Map.of("amountMinor", amount,
                    "reason", reason)));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        refund.setId("refund-submit");
        refund.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout form = new VerticalLayout(new H4(getTranslation("payments.refund")), amount, reason, toBalance, keyAction, refund);
        form.setPadding(false);
        return form;
    }

    private void submit(RefundRequest request, Map<String, TextField> fields) {
        try {
            RefundOutcome outcome = session.call(c -> new AdminPaymentsApi(c).refundPayment(paymentId, request));
            String status = outcome.getRefund().getStatus().toLowerCase();
            Notification.show(outcome.getKeyActionError() == null ? getTranslation("payments.refundDone", status)
                    : getTranslation("payments.refundDoneKeyError", status, outcome.getKeyActionError()));
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
