package dev.darkmaximus.admin.ui.customers;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.api.AdminCustomersApi;
import dev.darkmaximus.client.model.CustomerMessageRequest;
import dev.darkmaximus.client.model.CustomerResponse;

/** Writes to one customer in the bot; the text goes as plain text under a "message from support" heading. */
class MessageDialog extends Dialog {

    MessageDialog(BackendSession session, CustomerResponse customer, Runnable sent) {
        setHeaderTitle(getTranslation("customer.messageTitle", "#" + customer.getNumber() + " "
                + CustomerView.name(customer)));
        setWidth("min(36em, 100vw)");
        TextArea text = new TextArea(getTranslation("customer.messageText"));
        text.setId("message-text");
        text.setWidthFull();
        text.setMaxLength(3500);
        text.setMinHeight("8em");
        add(text);
        Button send = new Button(getTranslation("support.send"));
        send.setId("message-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> {
            if (text.getValue().isBlank()) {
                text.setErrorMessage(getTranslation("support.replyEmpty"));
                text.setInvalid(true);
                send.setEnabled(true);
                return;
            }
            try {
                session.call(c -> new AdminCustomersApi(c).messageCustomer(customer.getId(),
                        new CustomerMessageRequest().text(text.getValue().strip())));
                Notification.show(getTranslation("customer.messageQueued"), 3000, Notification.Position.BOTTOM_START);
                close();
                sent.run();
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("text", text));
                send.setEnabled(true);
            }
        });
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), send);
    }
}
