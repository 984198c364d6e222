package dev.darkmaximus.admin.ui.plans;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.api.AdminPlansApi;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.Money;
import dev.darkmaximus.client.model.PlanResponse;

@AdminOnly
@Route(value = "plans", layout = MainLayout.class)
@PageTitle("Plans · Dark Maximus")
public class PlansView extends VerticalLayout {

    private final BackendSession session;
    private final Grid<PlanResponse> grid = new Grid<>(PlanResponse.class, false);
    private final Select<HostResponse> hostFilter = new Select<>();
    private List<HostResponse> hosts = List.of();
    private Map<Long, String> hostNames = Map.of();

    public PlansView(BackendSession session) {
        this.session = session;
        setSizeFull();
        hostFilter.setLabel(getTranslation("plans.host"));
        hostFilter.setEmptySelectionAllowed(true);
        hostFilter.setEmptySelectionCaption(getTranslation("plans.allHosts"));
        hostFilter.setItemLabelGenerator(h -> h == null ? getTranslation("plans.allHosts") : h.getName());
        hostFilter.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("plans.add"), e -> openForm(null));
        add.setId("add-plan");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("plans-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        Grid.Column<PlanResponse> planName = grid.addColumn(PlanResponse::getNameEn)
                .setHeader(getTranslation("plans.name")).setAutoWidth(true);
        grid.addColumn(p -> hostName(p.getHostId())).setHeader(getTranslation("plans.host")).setAutoWidth(true);
        grid.addColumn(PlansView::duration).setHeader(getTranslation("plans.duration"));
        grid.addColumn(p -> p.getTrafficLimitGb() == 0 ? getTranslation("plans.unlimited")
                : getTranslation("plans.gigabytes", p.getTrafficLimitGb())).setHeader(getTranslation("plans.traffic"));
        Grid.Column<PlanResponse> planPrices = grid.addColumn(PlansView::prices)
                .setHeader(getTranslation("plans.prices")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("plans.visibility." + p.getVisibility().getValue()))
                .setHeader(getTranslation("plans.visibility"));
        grid.addItemClickListener(e -> openForm(e.getItem()));
        // On a phone: the plan and its prices; a tap opens the rest.
        Responsive.phoneColumns(grid, planName, planPrices);
        HorizontalLayout toolbar = new HorizontalLayout(hostFilter, add);
        toolbar.setWrap(true);
        toolbar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(toolbar, grid);
        loadHosts();
        refresh();
    }

    private void openForm(PlanResponse plan) {
        if (hosts.isEmpty()) {
            Notification.show(getTranslation("plans.noHosts"));
            return;
        }
        new PlanForm(session, hosts, hostFilter.getValue(), plan, this::refresh).open();
    }

    private void loadHosts() {
        try {
            hosts = session.call(c -> new AdminHostsApi(c).listHosts());
            hostNames = hosts.stream().collect(Collectors.toMap(HostResponse::getId, HostResponse::getName));
            hostFilter.setItems(hosts);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void refresh() {
        Long hostId = hostFilter.getValue() == null ? null : hostFilter.getValue().getId();
        try {
            List<PlanResponse> plans = session.call(c -> new AdminPlansApi(c).listPlans(hostId));
            grid.setItems(plans);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private String hostName(Long hostId) {
        return hostNames.getOrDefault(hostId, "#" + hostId);
    }

    private static String duration(PlanResponse plan) {
        String unit = plan.getDurationUnit().getValue();
        return UI.getCurrent().getTranslation("plans.duration." + unit + (plan.getDurationValue() == 1 ? ".one" : ".many"),
                plan.getDurationValue());
    }

    private static String prices(PlanResponse plan) {
        return plan.getPrices().stream().map(PlansView::price).collect(Collectors.joining(" · "));
    }

    private static String price(Money money) {
        return switch (money.getCurrency()) {
            case RUB -> Rubles.fromKopecks(money.getAmount()) + " ₽";
            case XTR -> money.getAmount() + " ⭐";
            default -> UI.getCurrent().getTranslation("plans.minorUnits", money.getAmount(), money.getCurrency().getValue());
        };
    }
}
