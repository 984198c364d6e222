package dev.darkmaximus.admin.ui.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.client.api.AdminDashboardApi;
import dev.darkmaximus.client.model.Dashboard;
import dev.darkmaximus.client.model.DashboardDay;
import dev.darkmaximus.client.model.HostHealth;
import dev.darkmaximus.client.model.RevenueSlice;

/** The shop at a glance (SPEC §10): the last 7, 30 or 90 days by day, the money split, and what needs attention. */
@AdminOnly
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Dark Maximus")
public class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private final Div content = new Div();

    public DashboardView(BackendSession session) {
        this.session = session;
        setWidthFull();
        Tab week = new Tab(getTranslation("dashboard.days", 7));
        Tab month = new Tab(getTranslation("dashboard.days", 30));
        Tab quarter = new Tab(getTranslation("dashboard.days", 90));
        week.setId("range-7");
        month.setId("range-30");
        quarter.setId("range-90");
        Tabs range = new Tabs(week, month, quarter);
        range.setSelectedTab(month);
        range.addSelectedChangeListener(e -> load(e.getSelectedTab() == week ? 7 : e.getSelectedTab() == month ? 30 : 90));
        content.setWidthFull();
        content.setId("dashboard");
        add(range, content);
        load(30);
    }

    private void load(int days) {
        try {
            Dashboard dashboard = session.call(c -> new AdminDashboardApi(c).getDashboard(days));
            content.removeAll();
            content.add(figures(dashboard), charts(dashboard.getSeries()), splits(dashboard), health(dashboard),
                    new ReconciliationCard(session));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private Component figures(Dashboard d) {
        List<DashboardDay> series = d.getSeries();
        long rub = series.stream().mapToLong(day -> revenue(day, "RUB")).sum();
        long stars = series.stream().mapToLong(day -> revenue(day, "XTR")).sum();
        long payments = series.stream().mapToLong(DashboardDay::getPayments).sum();
        long customers = series.stream().mapToLong(DashboardDay::getNewCustomers).sum();
        long keys = series.isEmpty() ? 0 : series.getLast().getActiveKeys();
        long trials = d.getTrials().getTrials();
        long converted = d.getTrials().getConverted();
        FlexLayout row = cards();
        row.add(card("figure-revenue", getTranslation("dashboard.revenue"), Amounts.format(rub, "RUB")
                        + (stars > 0 ? " · " + Amounts.format(stars, "XTR") : "")),
                card("figure-payments", getTranslation("dashboard.payments"), Long.toString(payments)),
                card("figure-customers", getTranslation("dashboard.newCustomers"), Long.toString(customers)),
                card("figure-keys", getTranslation("dashboard.activeKeys"), Long.toString(keys)),
                card("figure-conversion", getTranslation("dashboard.trialConversion"), trials == 0 ? "—"
                        : converted * 100 / trials + " % (" + converted + " / " + trials + ")"));
        return row;
    }

    private Component charts(List<DashboardDay> series) {
        List<String> labels = series.stream().map(day -> LABEL.format(day.getDate())).toList();
        FlexLayout row = cards();
        row.add(chart("chart-revenue", getTranslation("dashboard.revenuePerDay"), labels, series,
                        day -> revenue(day, "RUB"), 100_00, v -> Amounts.format(v, "RUB")),
                chart("chart-payments", getTranslation("dashboard.paymentsPerDay"), labels, series,
                        DashboardDay::getPayments, 5, Long::toString),
                chart("chart-customers", getTranslation("dashboard.customersPerDay"), labels, series,
                        DashboardDay::getNewCustomers, 5, Long::toString),
                chart("chart-keys", getTranslation("dashboard.keysPerDay"), labels, series,
                        DashboardDay::getActiveKeys, 5, Long::toString));
        return row;
    }

    private Component chart(String id, String title, List<String> labels, List<DashboardDay> series,
                            ToLongFunction<DashboardDay> value, long minTop,
                            LongFunction<String> format) {
        Div box = box(title);
        box.add(ColumnChart.of(id, title, labels, series.stream().map(day -> value.applyAsLong(day)).toList(),
                minTop, format));
        return box;
    }

    private Component splits(Dashboard d) {
        FlexLayout row = cards();
        row.add(slices("by-provider", getTranslation("dashboard.byProvider"), d.getByProvider()),
                slices("by-host", getTranslation("dashboard.byHost"), d.getByHost()));
        return row;
    }

    private Component slices(String id, String title, List<RevenueSlice> slices) {
        Grid<RevenueSlice> grid = new Grid<>(RevenueSlice.class, false);
        grid.setId(id);
        grid.addColumn(RevenueSlice::getName).setHeader(getTranslation("dashboard.name"));
        grid.addColumn(s -> Amounts.format(s.getAmountMinor(), s.getCurrency())).setHeader(getTranslation("dashboard.amount"));
        grid.addColumn(RevenueSlice::getPayments).setHeader(getTranslation("dashboard.payments"));
        grid.setItems(slices);
        grid.setAllRowsVisible(true);
        Div box = box(title);
        box.add(grid);
        return box;
    }

    private Component health(Dashboard d) {
        var h = d.getHealth();
        Div outbox = box(getTranslation("dashboard.outbox"));
        Span line = new Span(getTranslation("dashboard.outboxLine", h.getOutboxPending(), h.getOutboxDead(),
                h.getOutboxLagSeconds()));
        line.setId("outbox-health");
        if (h.getOutboxDead() > 0 || h.getOutboxLagSeconds() > 300) {
            line.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        outbox.add(line);
        Grid<HostHealth> hosts = new Grid<>(HostHealth.class, false);
        hosts.setId("host-health");
        hosts.addColumn(HostHealth::getName).setHeader(getTranslation("dashboard.host"));
        hosts.addComponentColumn(host -> {
            Span state = new Span(getTranslation("dashboard.state." + host.getState()));
            state.getElement().getThemeList().add("badge " + switch (host.getState()) {
                case "OK" -> "success";
                case "FAILING" -> "error";
                default -> "contrast";
            });
            return state;
        }).setHeader(getTranslation("dashboard.state"));
        hosts.addColumn(host -> host.getLastSyncAt() == null ? "—" : AT.format(host.getLastSyncAt().toLocalDateTime()))
                .setHeader(getTranslation("dashboard.lastSync"));
        hosts.addColumn(host -> host.getLastError() == null ? "" : host.getLastError())
                .setHeader(getTranslation("dashboard.lastError"));
        hosts.setItems(h.getHosts());
        hosts.setAllRowsVisible(true);
        Div panels = box(getTranslation("dashboard.panels"));
        panels.add(hosts);
        FlexLayout row = cards();
        row.add(outbox, panels);
        return row;
    }

    private static long revenue(DashboardDay day, String currency) {
        Long amount = day.getRevenue() == null ? null : day.getRevenue().get(currency);
        return amount == null ? 0 : amount;
    }

    private static FlexLayout cards() {
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-m)");
        row.setWidthFull();
        return row;
    }

    private static Div card(String id, String label, String value) {
        Div card = box(label);
        Span figure = new Span(value);
        figure.setId(id);
        figure.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        card.add(figure);
        card.getStyle().set("flex", "1 1 10em");
        return card;
    }

    private static Div box(String title) {
        Div box = new Div();
        H4 heading = new H4(title);
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");
        box.add(heading);
        box.getStyle().set("flex", "1 1 24em").set("min-width", "0").set("padding", "var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-l)");
        return box;
    }
}
