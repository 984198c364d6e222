package dev.darkmaximus.admin.ui.keys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.LazyLists;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.admin.ui.Responsive;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.api.AdminKeysApi;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.KeyResponse;

/** Keys across hosts, filtered by host, status, "expiring within" and panel email; a row opens its actions. */
@AdminOnly
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("Keys · Dark Maximus")
public class KeysView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int PAGE = 50;

    private final BackendSession session;
    private final ComboBox<HostResponse> host = new ComboBox<>(getTranslation("keys.host"));
    private final ComboBox<String> status = new ComboBox<>(getTranslation("keys.status"));
    private final IntegerField expiring = new IntegerField(getTranslation("keys.expiringWithin"));
    private final TextField email = new TextField(getTranslation("keys.emailStarts"));
    private final Grid<KeyResponse> grid = new Grid<>(KeyResponse.class, false);

    public KeysView(BackendSession session) {
        this.session = session;
        setSizeFull();
        host.setId("key-host-filter");
        host.setItemLabelGenerator(HostResponse::getName);
        host.setClearButtonVisible(true);
        status.setId("key-status-filter");
        status.setItems("provisioning", "active", "expired", "disabled", "failed", "revoked");
        status.setItemLabelGenerator(value -> getTranslation("keyStatus." + value));
        status.setClearButtonVisible(true);
        expiring.setId("key-expiring-filter");
        expiring.setMin(0);
        expiring.setClearButtonVisible(true);
        email.setId("key-email-filter");
        email.setValueChangeMode(ValueChangeMode.LAZY);
        email.setClearButtonVisible(true);
        host.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        expiring.addValueChangeListener(e -> refresh());
        email.addValueChangeListener(e -> refresh());

        grid.setId("keys-grid");
        grid.addColumn(KeyResponse::getId).setHeader(getTranslation("common.id"))
                .setAutoWidth(true).setSortProperty("createdAt");
        grid.addColumn(k -> Privacy.shown(session, k.getPanelEmail())).setHeader(getTranslation("keys.panelEmail")).setAutoWidth(true)
                .setSortProperty("panelEmail");
        Grid.Column<KeyResponse> hostColumn = grid.addColumn(KeyResponse::getHostName)
                .setHeader(getTranslation("keys.host")).setAutoWidth(true).setSortProperty("host");
        Grid.Column<KeyResponse> statusColumn = grid.addColumn(k -> {
            String word = getTranslation("keyStatus." + k.getStatus().getValue());
            String text = Boolean.TRUE.equals(k.getTrial()) ? getTranslation("keys.withTrial", word) : word;
            return k.getPanelMissingSince() != null ? getTranslation("keys.missingOnPanel", text) : text;
        }).setHeader(getTranslation("keys.status")).setAutoWidth(true).setSortProperty("status");
        Grid.Column<KeyResponse> expires = grid.addColumn(k -> k.getExpiresAt() == null ? ""
                : TIME.format(k.getExpiresAt())).setHeader(getTranslation("keys.expiresUtc")).setAutoWidth(true)
                .setSortProperty("expiresAt");
        grid.addColumn(k -> traffic(k.getTrafficUsedBytes(), k.getTrafficLimitBytes()))
                .setHeader(getTranslation("keys.traffic")).setAutoWidth(true).setSortProperty("traffic");
        // How the key renews: the customer's saved card first (then the balance), the balance, or not at all.
        grid.addColumn(k -> k.getRenewsWith() == null ? getTranslation("keys.off")
                        : k.getRenewsWith() == KeyResponse.RenewsWithEnum.CARD
                        ? getTranslation("keys.renewsCard", k.getRenewalCard()) : getTranslation("keys.renewsBalance"))
                .setHeader(getTranslation("keys.autoRenew")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("keys.empty"));
        // On a phone: where, in what state until when; a tap opens the rest.
        Responsive.phoneColumns(grid, hostColumn, statusColumn, expires);
        grid.addItemClickListener(e -> new KeyDialog(session, e.getItem(), () -> refresh()).open());
        add(Responsive.filters(host, status, expiring, email), grid);
        try {
            List<HostResponse> hosts = session.call(c -> new AdminHostsApi(c).listHosts());
            host.setItems(hosts);
        } catch (BackendException e) {
            Failures.show(e);
        }
        LazyLists.bind(grid, "-createdAt", (sort, offset, limit) -> session.call(c -> new AdminKeysApi(c).listKeys(
                host.getValue() == null ? null : host.getValue().getId(), status.getValue(), null, expiring.getValue(),
                email.getValue().isBlank() ? null : email.getValue().strip(), limit, null, sort, offset)).getData());
    }

    static String traffic(Long used, Long limit) {
        String usedText = gigabytes(used == null ? 0 : used);
        return limit == null || limit == 0 ? UI.getCurrent().getTranslation("keys.trafficUnlimited", usedText)
                : UI.getCurrent().getTranslation("keys.trafficOf", usedText, gigabytes(limit));
    }

    private static String gigabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1L << 30), 2,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }
}
