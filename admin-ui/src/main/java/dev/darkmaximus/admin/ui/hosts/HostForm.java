package dev.darkmaximus.admin.ui.hosts;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Converters;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostHealthResponse;
import dev.darkmaximus.client.model.HostRequest;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.SquadsRequest;

/**
 * Create or edit a host. Secrets are write-only: left empty on edit, the stored ones stay. A Remnawave host's squads are
 * picked from its panel's list, read live with the address and token typed in.
 */
class HostForm extends Dialog {

    private final BackendSession session;
    private final HostResponse existing;
    private final Runnable onSaved;
    private final Binder<HostRequest> binder = new Binder<>();
    private final TextField name = new TextField(getTranslation("hosts.name"));
    private final TextField nameEn = new TextField(getTranslation("hosts.nameEn"));
    private final Select<HostRequest.PanelTypeEnum> panelType = new Select<>();
    private final TextField baseUrl = new TextField(getTranslation("hosts.baseUrl"));
    private final TextField webBasePath = new TextField(getTranslation("hosts.webBasePath"));
    private final TextField username = new TextField(getTranslation("hosts.username"));
    private final PasswordField password = new PasswordField(getTranslation("hosts.password"));
    private final PasswordField apiToken = new PasswordField(getTranslation("hosts.apiToken"));
    private final TextField inboundIds = new TextField(getTranslation("hosts.inboundIds"));
    private final TextField subscriptionBaseUrl = new TextField(getTranslation("hosts.subscriptionBaseUrl"));
    private final Checkbox tlsVerify = new Checkbox(getTranslation("hosts.tlsVerify"));
    private final TextArea caCertificate = new TextArea(getTranslation("hosts.caCertificate"));
    private final Checkbox enabled = new Checkbox(getTranslation("hosts.enabled"));
    private final IntegerField displayOrder = new IntegerField(getTranslation("hosts.displayOrder"));
    private final TextField countryCode = new TextField(getTranslation("hosts.countryCode"));
    private final TextField flag = new TextField(getTranslation("hosts.flag"));
    private final SquadPicker squads = new SquadPicker(getTranslation("hosts.squads"));
    private final Button loadSquads = new Button(getTranslation("hosts.loadSquads"), e -> loadSquads());
    private final HorizontalLayout squadsRow = new HorizontalLayout(squads, loadSquads);
    private final Checkbox forwardedHeaders = new Checkbox(getTranslation("hosts.forwardedHeaders"));
    private final Select<HostRequest.RevokeModeEnum> revokeMode = new Select<>();
    private final Select<HostRequest.TrafficStrategyEnum> trafficStrategy = new Select<>();

    HostForm(BackendSession session, HostResponse existing, Runnable onSaved) {
        this.session = session;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("hosts.new") : getTranslation("hosts.edit", existing.getName()));
        panelType.setLabel(getTranslation("hosts.panelType"));
        panelType.setItems(HostRequest.PanelTypeEnum.values());
        panelType.setItemLabelGenerator(t -> getTranslation("panel." + t.getValue()));
        name.setId("host-name");
        panelType.setId("host-panel-type");
        apiToken.setId("host-api-token");
        nameEn.setId("host-name-en");
        nameEn.setHelperText(getTranslation("hosts.nameEnHelp"));
        baseUrl.setId("host-base-url");
        username.setId("host-username");
        password.setId("host-password");
        inboundIds.setId("host-inbounds");
        inboundIds.setHelperText(getTranslation("hosts.inboundIdsHelp"));
        password.setHelperText(existing == null ? getTranslation("hosts.passwordNew")
                : getTranslation("hosts.passwordKeep"));
        caCertificate.setId("host-ca");
        caCertificate.setHelperText(getTranslation("hosts.caCertificateHelp"));
        caCertificate.setPlaceholder("-----BEGIN CERTIFICATE-----");
        caCertificate.setMaxHeight("10em");
        squads.setId("host-squads");
        squads.setHelperText(getTranslation("hosts.squadsHelp"));
        loadSquads.setId("load-squads");
        forwardedHeaders.setId("host-forwarded");
        forwardedHeaders.setTooltipText(getTranslation("hosts.forwardedHeadersHelp"));
        revokeMode.setLabel(getTranslation("hosts.revokeMode"));
        revokeMode.setItems(HostRequest.RevokeModeEnum.values());
        revokeMode.setItemLabelGenerator(m -> getTranslation("hosts.revokeMode." + m.getValue()));
        trafficStrategy.setLabel(getTranslation("hosts.trafficStrategy"));
        trafficStrategy.setItems(HostRequest.TrafficStrategyEnum.values());
        trafficStrategy.setItemLabelGenerator(t -> getTranslation("hosts.trafficStrategy." + t.getValue()));
        bind();
        squadsRow.setWidthFull();
        squadsRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        squadsRow.setFlexGrow(1, squads);
        squadsRow.setWrap(true); // on a phone the button goes under the squads instead of off the screen
        squads.setMinWidth("14em");
        FormLayout form = new FormLayout(name, nameEn, panelType, baseUrl, webBasePath, username, password, apiToken,
                forwardedHeaders, inboundIds, subscriptionBaseUrl, squadsRow, revokeMode, trafficStrategy,
                countryCode, flag, displayOrder, tlsVerify, enabled, caCertificate);
        form.setColspan(caCertificate, 2);
        form.setColspan(squadsRow, 2);
        panelType.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        add(form);
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-host");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()));
        if (existing != null) {
            Button delete = new Button(getTranslation("common.delete"), e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button check = new Button(getTranslation("hosts.check"), e -> checkConnection());
            check.setId("check-host");
            getFooter().add(delete, check);
        }
        getFooter().add(save);
        binder.setBean(existing == null ? blank() : fromResponse(existing));
        showFieldsFor(panelType.getValue());
        if (existing != null && remnawave()) {
            squads.select(existing.getSquads());
            squads.load(() -> session.call(c -> new AdminHostsApi(c).listHostSquads(existing.getId())));
        }
    }

    private boolean remnawave() {
        return panelType.getValue() == HostRequest.PanelTypeEnum.REMNAWAVE;
    }

    /** 3x-ui signs in with a user and password and sells on inbounds; Remnawave takes a token and squads. */
    private void showFieldsFor(HostRequest.PanelTypeEnum type) {
        boolean rw = type == HostRequest.PanelTypeEnum.REMNAWAVE;
        for (var xuiOnly : List.of(webBasePath, username, password, inboundIds, subscriptionBaseUrl)) {
            xuiOnly.setVisible(!rw);
        }
        for (var rwOnly : List.of(squadsRow, forwardedHeaders, revokeMode, trafficStrategy)) {
            rwOnly.setVisible(rw);
        }
        apiToken.setLabel(getTranslation(rw ? "hosts.apiTokenRemnawave" : "hosts.apiToken"));
        boolean tokenStored = existing != null && Boolean.TRUE.equals(existing.getApiTokenSet());
        apiToken.setHelperText(getTranslation(tokenStored ? "hosts.apiTokenKeep"
                : rw ? "hosts.apiTokenRemnawaveNew" : "hosts.apiTokenNew"));
    }

    /** The squads of the panel as the form describes it now (the stored token when none is typed). */
    private void loadSquads() {
        SquadsRequest request = new SquadsRequest().baseUrl(baseUrl.getValue()).apiToken(apiToken.getValue())
                .forwardedHeaders(forwardedHeaders.getValue()).tlsVerify(tlsVerify.getValue())
                .caCertificate(caCertificate.getValue().isBlank() ? null : caCertificate.getValue())
                .hostId(existing == null ? null : existing.getId());
        if (squads.load(() -> session.call(c -> new AdminHostsApi(c).previewSquads(request)))) {
            squads.setInvalid(false);
            squads.setHelperText(getTranslation("hosts.squadsLoaded", squads.getListDataView().getItemCount()));
        }
    }

    private void bind() {
        binder.forField(name).asRequired(getTranslation("common.required")).bind(HostRequest::getName, HostRequest::setName);
        binder.forField(nameEn).bind(HostRequest::getNameEn, HostRequest::setNameEn);
        binder.forField(panelType).asRequired(getTranslation("common.required")).bind(HostRequest::getPanelType, HostRequest::setPanelType);
        binder.forField(baseUrl).asRequired(getTranslation("common.required")).bind(HostRequest::getBaseUrl, HostRequest::setBaseUrl);
        binder.forField(webBasePath).bind(HostRequest::getWebBasePath, HostRequest::setWebBasePath);
        binder.forField(username).withValidator(v -> remnawave() || (v != null && !v.isBlank()),
                getTranslation("common.required")).bind(HostRequest::getUsername, HostRequest::setUsername);
        binder.forField(password).bind(HostRequest::getPassword, HostRequest::setPassword);
        binder.forField(apiToken).bind(HostRequest::getApiToken, HostRequest::setApiToken);
        binder.forField(inboundIds).withValidator(v -> remnawave() || (v != null && !v.isBlank()),
                getTranslation("common.required")).withConverter(new InboundIdsConverter())
                .bind(HostRequest::getInboundIds, HostRequest::setInboundIds);
        binder.forField(forwardedHeaders).bind(HostRequest::getForwardedHeaders, HostRequest::setForwardedHeaders);
        binder.forField(revokeMode).bind(HostRequest::getRevokeMode, HostRequest::setRevokeMode);
        binder.forField(trafficStrategy).bind(HostRequest::getTrafficStrategy, HostRequest::setTrafficStrategy);
        binder.forField(subscriptionBaseUrl).bind(HostRequest::getSubscriptionBaseUrl, HostRequest::setSubscriptionBaseUrl);
        binder.forField(tlsVerify).bind(HostRequest::getTlsVerify, HostRequest::setTlsVerify);
        binder.forField(caCertificate).bind(HostRequest::getCaCertificate, HostRequest::setCaCertificate);
        binder.forField(enabled).bind(HostRequest::getEnabled, HostRequest::setEnabled);
        binder.forField(displayOrder).withConverter(Converters.ZERO_WHEN_EMPTY)
                .bind(HostRequest::getDisplayOrder, HostRequest::setDisplayOrder);
        binder.forField(countryCode).bind(HostRequest::getCountryCode, HostRequest::setCountryCode);
        binder.forField(flag).bind(HostRequest::getFlag, HostRequest::setFlag);
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        HostRequest request = binder.getBean();
        if (remnawave()) {
            request.squads(squads.selected()).username(null).password(null).inboundIds(List.of())
                    .webBasePath(null).subscriptionBaseUrl(null);
        } else {
            request.squads(null);
        }
        try {
            if (existing == null) {
                session.call(c -> new AdminHostsApi(c).createHost(request));
            } else {
                session.call(c -> new AdminHostsApi(c).updateHost(existing.getId(), request));
            }
            close();
            onSaved.run();
        } catch (BackendException e) {
            Failures.show(e, fields());
        }
    }

    /** Checks the saved settings (save first to check changes); the outcome also shows in the hosts list. */
    private void checkConnection() {
        try {
            HostHealthResponse health = session.call(c -> new AdminHostsApi(c).checkHost(existing.getId()));
            Notification notification = Notification.show(Boolean.TRUE.equals(health.getOk())
                    ? (health.getPanelVersion() == null ? getTranslation("hosts.connected")
                            : health.getSquads() != null
                            ? getTranslation("hosts.connectedRemnawave", health.getPanelVersion(), health.getSquads())
                            : getTranslation("hosts.connectedVersion", health.getPanelVersion(), health.getPanelApi()))
                    : getTranslation("hosts.connectionFailed", health.getError()), 6000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(Boolean.TRUE.equals(health.getOk())
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            onSaved.run();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("hosts.deleteTitle", existing.getName()),
                getTranslation("hosts.deleteText"), getTranslation("common.delete"), e -> {
                    try {
                        session.call(c -> {
                            new AdminHostsApi(c).deleteHost(existing.getId());
                            return null;
                        });
                        close();
                        onSaved.run();
                    } catch (BackendException failure) {
                        Failures.show(failure);
                    }
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("name", name), Map.entry("panelType", panelType), Map.entry("baseUrl", baseUrl),
                Map.entry("webBasePath", webBasePath), Map.entry("username", username), Map.entry("password", password),
                Map.entry("apiToken", apiToken),
                Map.entry("inboundIds", inboundIds), Map.entry("subscriptionBaseUrl", subscriptionBaseUrl),
                Map.entry("displayOrder", displayOrder), Map.entry("countryCode", countryCode), Map.entry("flag", flag),
                Map.entry("nameEn", nameEn), Map.entry("squads", squads),
                Map.entry("caCertificate", caCertificate));
    }

    private static HostRequest blank() {
        return new HostRequest().panelType(HostRequest.PanelTypeEnum.XUI_V2).tlsVerify(true).enabled(true)
                .displayOrder(0).inboundIds(List.of(1)).forwardedHeaders(false)
                .revokeMode(HostRequest.RevokeModeEnum.DELETE).trafficStrategy(HostRequest.TrafficStrategyEnum.NO_RESET);
    }

    private static HostRequest fromResponse(HostResponse h) {
        return new HostRequest().name(h.getName())
                .panelType(HostRequest.PanelTypeEnum.fromValue(h.getPanelType().getValue()))
                .baseUrl(h.getBaseUrl()).webBasePath(h.getWebBasePath()).username(h.getUsername())
                .inboundIds(h.getInboundIds()).subscriptionBaseUrl(h.getSubscriptionBaseUrl())
                .tlsVerify(h.getTlsVerify()).caCertificate(h.getCaCertificate()).enabled(h.getEnabled()).displayOrder(h.getDisplayOrder())
                .countryCode(h.getCountryCode()).flag(h.getFlag()).nameEn(h.getNameEn())
                .forwardedHeaders(h.getForwardedHeaders())
                .revokeMode(HostRequest.RevokeModeEnum.fromValue(h.getRevokeMode().getValue()))
                .trafficStrategy(HostRequest.TrafficStrategyEnum.fromValue(h.getTrafficStrategy().getValue()));
    }
}
