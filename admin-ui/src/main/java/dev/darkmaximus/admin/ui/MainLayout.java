package dev.darkmaximus.admin.ui;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;

import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.audit.AuditView;
import dev.darkmaximus.admin.ui.imports.ImportView;
import dev.darkmaximus.admin.ui.broadcasts.BroadcastsView;
import dev.darkmaximus.admin.ui.customers.CustomersView;
import dev.darkmaximus.admin.ui.dashboard.DashboardView;
import dev.darkmaximus.admin.ui.hosts.HostsView;
import dev.darkmaximus.admin.ui.keys.KeysView;
import dev.darkmaximus.admin.ui.outbox.OutboxView;
import dev.darkmaximus.admin.ui.payments.TransactionsView;
import dev.darkmaximus.admin.ui.payments.WithdrawalsView;
import dev.darkmaximus.admin.ui.plans.PlansView;
import dev.darkmaximus.admin.ui.promos.PromoCodesView;
import dev.darkmaximus.admin.ui.settings.SettingsView;
import dev.darkmaximus.admin.ui.staff.AccountView;
import dev.darkmaximus.admin.ui.staff.ApiKeysView;
import dev.darkmaximus.admin.ui.staff.StaffView;
import dev.darkmaximus.admin.ui.support.SupportView;
import dev.darkmaximus.admin.ui.templates.TemplatesView;
import dev.darkmaximus.admin.ui.webhooks.WebhooksView;

/**
 * Frame of every signed-in view: the screens this role may open on the side with who is signed in, the language and
 * the privacy switch under them; sign-out on top.
 */
public class MainLayout extends AppLayout {

    private final BackendSession session;
    private final SideNav nav = new SideNav();

    public MainLayout(BackendSession session) {
        this.session = session;
        H2 title = new H2(getTranslation("app.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(session.username() == null ? "" : session.username());
        user.setId("signed-in-as");
        Button signOut = new Button(getTranslation("app.signOut"), e -> {
            session.signOut();
            // A new HTTP session for whoever signs in next on this browser: nothing of this one carries over.
            getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            VaadinSession.getCurrent().getSession().invalidate();
        });
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Checkbox hide = new Checkbox(
                getTranslation("app.hidden"), session.hidingPersonalData());
        hide.setId("hidden-mode");
        hide.addValueChangeListener(e -> {
            session.hidePersonalData(e.getValue());
            getUI().ifPresent(ui -> ui.getPage().reload());
        });
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        item("nav.dashboard", DashboardView.class);
        item("nav.customers", CustomersView.class);
        item("nav.support", SupportView.class);
        item("nav.keys", KeysView.class);
        item("nav.transactions", TransactionsView.class);
        item("nav.promos", PromoCodesView.class);
        item("nav.withdrawals", WithdrawalsView.class);
        item("nav.broadcasts", BroadcastsView.class);
        item("nav.templates", TemplatesView.class);
        item("nav.hosts", HostsView.class);
        item("nav.plans", PlansView.class);
        item("nav.outbox", OutboxView.class);
        item("nav.settings", SettingsView.class);
        item("nav.staff", StaffView.class);
        item("nav.apiKeys", ApiKeysView.class);
        item("nav.webhooks", WebhooksView.class);
        item("nav.audit", AuditView.class);
        item("nav.import", ImportView.class);
        item("nav.account", AccountView.class);
        nav.setId("nav");
        // Who is signed in, the language and the privacy switch sit under the menu, so the top bar fits a phone.
        VerticalLayout account =
                new VerticalLayout(user, language(), hide);
        account.setSpacing(false);
        addToDrawer(nav, account);
    }

    private void item(String key, Class<? extends Component> view) {
        if (!view.isAnnotationPresent(AdminOnly.class) || session.isAdmin()) {
            nav.addItem(new SideNavItem(getTranslation(key), view));
        }
    }

    /** English or Russian for this operator's session; the page reloads in the new language. */
    private Select<Locale> language() {
        Select<Locale> select = new Select<>();
        select.setId("language");
        select.setItems(Locale.ENGLISH, Locale.of("ru"));
        select.setItemLabelGenerator(locale -> locale.getLanguage().toUpperCase(Locale.ROOT));
        select.setValue("ru".equals(getLocale().getLanguage()) ? Locale.of("ru") : Locale.ENGLISH);
        select.setWidth("5.5em");
        select.setAriaLabel(getTranslation("app.language"));
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> {
                    BrowserLanguage.choose(ui, e.getValue());
                    ui.getPage().reload();
                });
            }
        });
        return select;
    }
}
