package dev.darkmaximus.admin.ui.hosts;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostResponse;

@Route(value = "", layout = MainLayout.class)
@PageTitle("Hosts · Dark Maximus")
public class HostsView extends VerticalLayout {

    private final BackendSession session;
    private final Grid<HostResponse> grid = new Grid<>(HostResponse.class, false);

    public HostsView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button add = new Button("Add host", e -> new HostForm(session, null, this::refresh).open());
        add.setId("add-host");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("hosts-grid");
        grid.addColumn(h -> (h.getFlag() == null ? "" : h.getFlag() + " ") + h.getName()).setHeader("Name")
                .setAutoWidth(true);
        grid.addColumn(h -> h.getPanelType() == null ? "" : h.getPanelType().getValue()).setHeader("Panel");
        grid.addColumn(h -> h.getBaseUrl() + (h.getWebBasePath() == null ? "" : h.getWebBasePath()))
                .setHeader("Address").setAutoWidth(true);
        grid.addColumn(h -> h.getInboundIds() == null ? "" : h.getInboundIds().toString()).setHeader("Inbounds");
        grid.addColumn(h -> Boolean.TRUE.equals(h.getEnabled()) ? "yes" : "no").setHeader("Enabled");
        grid.addColumn(HostResponse::getDisplayOrder).setHeader("Order");
        grid.addColumn(HostsView::health).setHeader("Panel health").setAutoWidth(true);
        grid.addItemClickListener(e -> new HostForm(session, e.getItem(), this::refresh).open());
        add(add, grid);
        refresh();
    }

    private static String health(HostResponse h) {
        boolean failedLast = h.getHealthLastErrorAt() != null
                && (h.getHealthLastOkAt() == null || h.getHealthLastErrorAt().isAfter(h.getHealthLastOkAt()));
        if (failedLast) {
            return "failing: " + h.getHealthLastError();
        }
        return h.getHealthLastOkAt() == null ? "not checked" : "ok";
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
