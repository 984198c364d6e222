package dev.darkmaximus.admin.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;

/** Sign-in with login and password, then the authenticator code when the account has two-factor sign-in on. */
@Route("login")
@PageTitle("Sign in · Dark Maximus")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final BackendSession session;
    private final TextField username = new TextField(getTranslation("login.login"));
    private final PasswordField password = new PasswordField(getTranslation("login.password"));
    private final TextField code = new TextField(getTranslation("login.totp"));
    private final Paragraph message = new Paragraph();

    public LoginView(BackendSession session) {
        this.session = session;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        username.setId("username");
        username.setRequired(true);
        username.setAutofocus(true);
        password.setId("password");
        password.setRequired(true);
        code.setId("totp");
        code.setVisible(false);
        code.setAllowedCharPattern("[0-9]");
        code.setMaxLength(6);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        message.setId("login-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        Button signIn = new Button(getTranslation("login.signIn"), e -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        add(new H1("Dark Maximus"), username, password, code, signIn, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("expired")) {
            message.setText(getTranslation("login.expired"));
        }
    }

    private void signIn() {
        if (username.isEmpty() || password.isEmpty()) {
            message.setText(getTranslation("login.empty"));
            return;
        }
        try {
            session.signIn(username.getValue().strip(), password.getValue(),
                    code.isVisible() && !code.isEmpty() ? code.getValue() : null,
                    VaadinRequest.getCurrent().getRemoteAddr());
            // A new session id once signed in: an id planted or seen before sign-in is worth nothing after it.
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (BackendException e) {
            String problem = e.problem().code();
            if ("totp_required".equals(problem)) {
                // The password was right; ask for the code and keep the password for the second try.
                code.setVisible(true);
                code.focus();
                message.setText(getTranslation("login.totpRequired"));
                return;
            }
            password.clear();
            code.clear();
            message.setText(switch (problem) {
                case "invalid_credentials" -> getTranslation("login.wrong");
                case "invalid_totp" -> getTranslation("login.wrongTotp");
                default -> e.problem().detail();
            });
        }
    }
}
