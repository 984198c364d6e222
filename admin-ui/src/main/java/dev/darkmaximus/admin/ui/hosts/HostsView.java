package dev.darkmaximus.admin.ui.hosts;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.SyncReportResponse;

@AdminOnly
@Route(value = "hosts", layout = MainLayout.class)
@PageTitle("Hosts · Dark Maximus")
public class HostsView extends VerticalLayout {

    private final BackendSession session;
    private final Grid<HostResponse> grid = new Grid<>(HostResponse.class, false);

    public HostsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button add = new Button(getTranslation("hosts.add"), e -> new HostForm(session, null, this::refresh).open());
        add.setId("add-host");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("hosts-grid");
        Grid.Column<HostResponse> name = grid.addColumn(h -> (h.getFlag() == null ? "" : h.getFlag() + " ")
                + h.getName()).setHeader(getTranslation("hosts.name")).setAutoWidth(true);
        grid.addColumn(h -> h.getPanelType() == null ? "" : getTranslation("panel." + h.getPanelType().getValue()))
                .setHeader(getTranslation("hosts.panel")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(h -> h.getBaseUrl() + (h.getWebBasePath() == null ? "" : h.getWebBasePath()))
                .setHeader(getTranslation("hosts.address")).setAutoWidth(true);
        grid.addColumn(this::security).setHeader(getTranslation("hosts.security")).setAutoWidth(true);
        Grid.Column<HostResponse> enabled = grid.addColumn(h -> getTranslation(Boolean.TRUE.equals(h.getEnabled())
                ? "hosts.enabledYes" : "hosts.enabledNo")).setHeader(getTranslation("hosts.enabled")).setAutoWidth(true);
        // Inbounds and display order are in the host's form: the list keeps what an operator scans for.
        grid.addColumn(h -> h.getPanelVersion() == null ? getTranslation("hosts.versionUnknown")
                : h.getPanelVersion()).setHeader(getTranslation("hosts.version")).setAutoWidth(true);
        Grid.Column<HostResponse> health = grid.addColumn(this::health).setHeader(getTranslation("hosts.health"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::syncButtons).setHeader(getTranslation("hosts.sync")).setAutoWidth(true);
        grid.addItemClickListener(e -> new HostForm(session, e.getItem(), this::refresh).open());
        grid.setEmptyStateText(getTranslation("hosts.empty"));
        // On a phone: the host, whether it sells, whether its panel answers; a tap opens the rest.
        Responsive.phoneColumns(grid, name, enabled, health);
        add(add, grid);
        refresh();
    }

    /** The server says whether the host is off sale; the screen only says why. */
    private String health(HostResponse h) {
        if (Boolean.TRUE.equals(h.getPanelDown())) {
            boolean failedLast = h.getHealthLastErrorAt() != null
                    && (h.getHealthLastOkAt() == null || h.getHealthLastErrorAt().isAfter(h.getHealthLastOkAt()));
            return failedLast ? getTranslation("hosts.offSale", h.getHealthLastError())
                    : getTranslation("hosts.offSaleCircuit");
        }
        return getTranslation(h.getHealthLastOkAt() == null ? "hosts.healthUnchecked" : "hosts.healthOk");
    }

    /** Says plainly when the panel's password and keys travel unprotected or unchecked. */
    private String security(HostResponse h) {
        if (h.getConnectionSecurity() == null) {
            return "";
        }
        // A Remnawave host sends its API token, not a password.
        boolean token = h.getPanelType() == HostResponse.PanelTypeEnum.REMNAWAVE
                && h.getConnectionSecurity() == HostResponse.ConnectionSecurityEnum.PLAIN_HTTP;
        return getTranslation("hosts.security." + h.getConnectionSecurity().getValue() + (token ? "_TOKEN" : ""));
    }

    private Component syncButtons(HostResponse host) {
        Button now = new Button(getTranslation("hosts.syncNow"), e -> {
            try {
                new SyncReportDialog(session, host, session.call(c -> new AdminHostsApi(c).syncHost(host.getId())))
                        .open();
            } catch (BackendException failure) {
                Failures.show(failure);
            }
        });
        now.addClassName("sync-now");
        now.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button last = new Button(getTranslation("hosts.lastReport"), e -> {
            try {
                List<SyncReportResponse> reports =
                        session.call(c -> new AdminHostsApi(c).listSyncReports(host.getId(), 1));
                if (reports.isEmpty()) {
                    Notification.show(getTranslation("hosts.neverSynced"));
                } else {
                    new SyncReportDialog(session, host, reports.get(0)).open();
                }
            } catch (BackendException failure) {
                Failures.show(failure);
            }
        });
        last.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(now, last);
    }

    private void refresh() {
        try {
            List<HostResponse> hosts = session.call(c -> new AdminHostsApi(c).listHosts());
            grid.setItems(hosts);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
