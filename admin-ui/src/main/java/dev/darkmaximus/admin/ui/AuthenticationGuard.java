package dev.darkmaximus.admin.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.support.SupportView;

/**
 * Every view but the login needs a signed-in session, and admin-only views an admin. The backend checks roles on
 * every call anyway; this only spares operators a screen full of 401s and 403s.
 */
@Component
class AuthenticationGuard implements VaadinServiceInitListener {

    private final ObjectProvider<BackendSession> sessions;

    AuthenticationGuard(ObjectProvider<BackendSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::requireSignIn));
    }

    private void requireSignIn(BeforeEnterEvent event) {
        BackendSession session = sessions.getObject();
        if (!LoginView.class.equals(event.getNavigationTarget()) && !session.signedIn()) {
            event.rerouteTo(LoginView.class);
        } else if (event.getNavigationTarget().isAnnotationPresent(AdminOnly.class) && !session.isAdmin()) {
            event.rerouteTo(session.signedIn() && "".equals(event.getLocation().getPath())
                    ? SupportView.class : NoAccessView.class);
        }
    }
}
