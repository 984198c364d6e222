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

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;

@Route("login")
@PageTitle("Sign in · Dark Maximus")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final BackendSession session;
    private final TextField username = new TextField("Login");
    private final PasswordField password = new PasswordField("Password");
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
        message.setId("login-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        add(new H1("Dark Maximus"), username, password, signIn, message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("expired")) {
            message.setText("Your session has ended; please sign in again.");
        }
    }

    private void signIn() {
        if (username.isEmpty() || password.isEmpty()) {
            message.setText("Enter your login and password.");
            return;
        }
        try {
            session.signIn(username.getValue().strip(), password.getValue(),
                    VaadinRequest.getCurrent().getRemoteAddr());
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (BackendException e) {
            password.clear();
            message.setText("invalid_credentials".equals(e.problem().code())
                    ? "Wrong login or password." : e.problem().detail());
        }
    }
}
