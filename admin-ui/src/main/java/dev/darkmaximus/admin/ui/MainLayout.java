package dev.darkmaximus.admin.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.customers.CustomersView;
import dev.darkmaximus.admin.ui.hosts.HostsView;
import dev.darkmaximus.admin.ui.keys.KeysView;
import dev.darkmaximus.admin.ui.outbox.OutboxView;
import dev.darkmaximus.admin.ui.payments.TransactionsView;
import dev.darkmaximus.admin.ui.payments.WithdrawalsView;
import dev.darkmaximus.admin.ui.plans.PlansView;
import dev.darkmaximus.admin.ui.promos.PromoCodesView;

/** Frame of every signed-in view: navigation on the side, who is signed in and sign-out on top. */
public class MainLayout extends AppLayout {

    public MainLayout(BackendSession session) {
        H2 title = new H2("Dark Maximus");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(session.username() == null ? "" : session.username());
        Button signOut = new Button("Sign out", e -> {
            session.signOut();
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        });
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Hosts", HostsView.class));
        nav.addItem(new SideNavItem("Plans", PlansView.class));
        nav.addItem(new SideNavItem("Customers", CustomersView.class));
        nav.addItem(new SideNavItem("Keys", KeysView.class));
        nav.addItem(new SideNavItem("Transactions", TransactionsView.class));
        nav.addItem(new SideNavItem("Promo codes", PromoCodesView.class));
        nav.addItem(new SideNavItem("Withdrawals", WithdrawalsView.class));
        nav.addItem(new SideNavItem("Outbox", OutboxView.class));
        addToDrawer(nav);
    }
}
