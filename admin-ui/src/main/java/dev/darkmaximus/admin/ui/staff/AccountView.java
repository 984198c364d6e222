package dev.darkmaximus.admin.ui.staff;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminMeApi;
import dev.darkmaximus.client.model.StaffMeResponse;
import dev.darkmaximus.client.model.TotpCodeRequest;
import dev.darkmaximus.client.model.TotpEnrolmentResponse;

/**
 * The signed-in staff member's own account: switching two-factor sign-in on (scan the secret into an
 * authenticator app, confirm with a code) or off (with a current code).
 */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("My account · Dark Maximus")
public class AccountView extends VerticalLayout {

    private final BackendSession session;

    public AccountView(BackendSession session) {
        this.session = session;
        try {
            render(session.call(c -> new AdminMeApi(c).getStaffMe()));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void render(StaffMeResponse me) {
        removeAll();
        H3 title = new H3(me.getUsername() + " · " + getTranslation("staff.role." + me.getRole().getValue()));
        title.setId("account-title");
        add(title);
        TextField code = new TextField(getTranslation("account.code"));
        code.setId("account-code");
        code.setAllowedCharPattern("[0-9]");
        code.setMaxLength(6);
        if (Boolean.TRUE.equals(me.getTotpEnabled())) {
            Paragraph on = new Paragraph(getTranslation("account.totpOn"));
            on.setId("account-totp-state");
            Button off = new Button(getTranslation("account.disable"), e -> {
                try {
                    render(session.call(c -> new AdminMeApi(c).disableTotp(new TotpCodeRequest().code(code.getValue()))));
                } catch (BackendException ex) {
                    Failures.show(ex, Map.of("code", code));
                }
            });
            off.setId("account-totp-disable");
            off.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(on, code, off);
            return;
        }
        Paragraph state = new Paragraph(getTranslation("account.totpOff"));
        state.setId("account-totp-state");
        Button start = new Button(getTranslation("account.enable"), e -> enrol(code));
        start.setId("account-totp-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(state, start);
    }

    private void enrol(TextField code) {
        TotpEnrolmentResponse enrolment;
        try {
            enrolment = session.call(c -> new AdminMeApi(c).startTotpEnrolment());
        } catch (BackendException e) {
            Failures.show(e);
            return;
        }
        TextField secret = new TextField(getTranslation("account.secret"));
        secret.setId("account-totp-secret");
        secret.setValue(enrolment.getSecret());
        secret.setReadOnly(true);
        secret.setWidth("24em");
        TextField uri = new TextField(getTranslation("account.uri"));
        uri.setValue(enrolment.getOtpauthUri());
        uri.setReadOnly(true);
        uri.setWidthFull();
        Button confirm = new Button(getTranslation("account.confirm"), e -> {
            try {
                render(session.call(c -> new AdminMeApi(c).confirmTotpEnrolment(new TotpCodeRequest().code(code.getValue()))));
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("code", code));
            }
        });
        confirm.setId("account-totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation("account.scan")), secret, uri, code, confirm);
    }
}
