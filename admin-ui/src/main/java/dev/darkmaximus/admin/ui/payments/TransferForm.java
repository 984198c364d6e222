package dev.darkmaximus.admin.ui.payments;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.plans.Rubles;
import dev.darkmaximus.client.api.AdminPaymentsApi;
import dev.darkmaximus.client.model.Payment;
import dev.darkmaximus.client.model.TransferDeclinedRequest;
import dev.darkmaximus.client.model.TransferReceivedRequest;

/**
 * An awaited bank transfer (admins): confirm the amount that arrived with the bank's reference — the order is then
 * paid and its key made — or give up on it. The server checks the amount against the order.
 */
class TransferForm extends VerticalLayout {

    TransferForm(BackendSession session, Payment payment, Runnable done) {
        setPadding(false);
        add(new H4(getTranslation("payments.transfer")));
        add(new Paragraph(getTranslation("payments.transferHint",
                Amounts.format(payment.getAmountMinor(), payment.getCurrency()))));
        TextField amount = new TextField(getTranslation("payments.transferAmount"));
        amount.setId("transfer-amount");
        amount.setValue(Amounts.format(payment.getAmountMinor(), payment.getCurrency()).replaceAll("[^0-9,.]", ""));
        TextField reference = new TextField(getTranslation("payments.transferReference"));
        reference.setId("transfer-reference");
        reference.setRequired(true);
        reference.setMaxLength(128);
        reference.setWidthFull();
        Button received = new Button(getTranslation("payments.transferReceived"), e -> {
            long kopecks = Rubles.toKopecks(amount.getValue()).orElse(-1L);
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("payments.transferReceived"),
                    getTranslation("payments.transferConfirmText", amount.getValue(), reference.getValue()),
                    getTranslation("common.confirm"), ok -> {
                        try {
                            session.call(c -> new AdminPaymentsApi(c).confirmTransferReceived(payment.getId(),
                                    new TransferReceivedRequest().amountMinor(kopecks)
                                            .reference(reference.getValue())));
                            done.run();
                        } catch (BackendException ex) {
                            Failures.show(ex, Map.of("amountMinor", amount, "reference", reference));
                        }
                    }, getTranslation("common.cancel"), no -> { });
            confirm.open();
        });
        received.setId("transfer-received");
        received.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button declined = new Button(getTranslation("payments.transferDeclined"), e -> {
            try {
                session.call(c -> new AdminPaymentsApi(c).declineTransfer(payment.getId(),
                        new TransferDeclinedRequest().reason(getTranslation("payments.transferDeclinedReason"))));
                done.run();
            } catch (BackendException ex) {
                Failures.show(ex);
            }
        });
        declined.setId("transfer-declined");
        declined.setVisible(payment.getStatus() == Payment.StatusEnum.PENDING);
        HorizontalLayout actions = new HorizontalLayout(received, declined);
        actions.setWrap(true);
        add(amount, reference, actions);
    }
}
