package dev.darkmaximus.admin.ui.customers;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import dev.darkmaximus.client.model.CustomerResponse;

/** Asks for the reason a ban needs (it is audited and shown to operators). */
class BanDialog extends Dialog {

    BanDialog(CustomerResponse customer, Consumer<String> onBan) {
        setHeaderTitle(getTranslation("customers.banTitle", customer.getNumber()));
        TextArea reason = new TextArea(getTranslation("customers.reason"));
        reason.setId("ban-reason");
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidth("24em");
        add(reason);
        Button ban = new Button(getTranslation("customer.ban"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("customers.banReasonEmpty"));
                reason.setInvalid(true);
                return;
            }
            close();
            onBan.accept(reason.getValue().strip());
        });
        ban.setId("confirm-ban");
        ban.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), ban);
    }
}
