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
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
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

/** Create or edit a host. The password is write-only: left empty on edit, the stored one stays. */
class HostForm extends Dialog {

    private final BackendSession session;
    private final HostResponse existing;
    private final Runnable onSaved;
    private final Binder<HostRequest> binder = new Binder<>();
    private final TextField name = new TextField("Name");
    private final Select<HostRequest.PanelTypeEnum> panelType = new Select<>();
    private final TextField baseUrl = new TextField("Panel URL");
    private final TextField webBasePath = new TextField("Web base path");
    private final TextField username = new TextField("Panel login");
    private final PasswordField password = new PasswordField("Panel password");
    private final PasswordField apiToken = new PasswordField("API token (3x-ui v3)");
    private final TextField inboundIds = new TextField("Inbound ids");
    private final TextField subscriptionBaseUrl = new TextField("Subscription base URL");
    private final Checkbox tlsVerify = new Checkbox("Verify TLS certificate");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final IntegerField displayOrder = new IntegerField("Display order");
    private final TextField countryCode = new TextField("Country code");
    private final TextField flag = new TextField("Flag");

    HostForm(BackendSession session, HostResponse existing, Runnable onSaved) {
        this.session = session;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? "New host" : "Edit " + existing.getName());
        panelType.setLabel("Panel type");
        panelType.setItems(HostRequest.PanelTypeEnum.values());
        panelType.setItemLabelGenerator(HostRequest.PanelTypeEnum::getValue);
        name.setId("host-name");
        baseUrl.setId("host-base-url");
        username.setId("host-username");
        password.setId("host-password");
        inboundIds.setId("host-inbounds");
        inboundIds.setHelperText("Comma-separated, e.g. 1, 2");
        password.setHelperText(existing == null ? "Stored encrypted" : "Leave empty to keep the stored password");
        apiToken.setHelperText(existing != null && Boolean.TRUE.equals(existing.getApiTokenSet())
                ? "A token is stored; leave empty to keep it" : "Optional; used instead of the password on v3");
        bind();
        add(new FormLayout(name, panelType, baseUrl, webBasePath, username, password, apiToken, inboundIds,
                subscriptionBaseUrl, countryCode, flag, displayOrder, tlsVerify, enabled));
        Button save = new Button("Save", e -> save());
        save.setId("save-host");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()));
        if (existing != null) {
            Button delete = new Button("Delete", e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button check = new Button("Test connection", e -> checkConnection());
            check.setId("check-host");
            getFooter().add(delete, check);
        }
        getFooter().add(save);
        binder.setBean(existing == null ? blank() : fromResponse(existing));
    }

    private void bind() {
        binder.forField(name).asRequired("Required").bind(HostRequest::getName, HostRequest::setName);
        binder.forField(panelType).asRequired("Required").bind(HostRequest::getPanelType, HostRequest::setPanelType);
        binder.forField(baseUrl).asRequired("Required").bind(HostRequest::getBaseUrl, HostRequest::setBaseUrl);
        binder.forField(webBasePath).bind(HostRequest::getWebBasePath, HostRequest::setWebBasePath);
        binder.forField(username).asRequired("Required").bind(HostRequest::getUsername, HostRequest::setUsername);
        binder.forField(password).bind(HostRequest::getPassword, HostRequest::setPassword);
        binder.forField(apiToken).bind(HostRequest::getApiToken, HostRequest::setApiToken);
        binder.forField(inboundIds).asRequired("Required").withConverter(new InboundIdsConverter())
                .bind(HostRequest::getInboundIds, HostRequest::setInboundIds);
        binder.forField(subscriptionBaseUrl).bind(HostRequest::getSubscriptionBaseUrl, HostRequest::setSubscriptionBaseUrl);
        binder.forField(tlsVerify).bind(HostRequest::getTlsVerify, HostRequest::setTlsVerify);
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
                    ? "Connected: the panel accepted our credentials."
                    : "Connection failed: " + health.getError(), 6000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(Boolean.TRUE.equals(health.getOk())
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            onSaved.run();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + existing.getName() + "?",
                "The host is removed; this is refused while plans exist on it.", "Delete", e -> {
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
                Map.entry("displayOrder", displayOrder), Map.entry("countryCode", countryCode), Map.entry("flag", flag));
    }

    private static HostRequest blank() {
        return new HostRequest().panelType(HostRequest.PanelTypeEnum.XUI_V2).tlsVerify(true).enabled(true)
                .displayOrder(0).inboundIds(List.of(1));
    }

    private static HostRequest fromResponse(HostResponse h) {
        return new HostRequest().name(h.getName())
                .panelType(HostRequest.PanelTypeEnum.fromValue(h.getPanelType().getValue()))
                .baseUrl(h.getBaseUrl()).webBasePath(h.getWebBasePath()).username(h.getUsername())
                .inboundIds(h.getInboundIds()).subscriptionBaseUrl(h.getSubscriptionBaseUrl())
                .tlsVerify(h.getTlsVerify()).enabled(h.getEnabled()).displayOrder(h.getDisplayOrder())
                .countryCode(h.getCountryCode()).flag(h.getFlag());
    }
}
