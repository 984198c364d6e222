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

/** Create or edit a host. The password is write-only: left empty on edit, the stored one stays. */
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

    HostForm(BackendSession session, HostResponse existing, Runnable onSaved) {
        this.session = session;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("hosts.new") : getTranslation("hosts.edit", existing.getName()));
        panelType.setLabel(getTranslation("hosts.panelType"));
        panelType.setItems(HostRequest.PanelTypeEnum.values());
        panelType.setItemLabelGenerator(t -> getTranslation("panel." + t.getValue()));
        name.setId("host-name");
        nameEn.setId("host-name-en");
        nameEn.setHelperText(getTranslation("hosts.nameEnHelp"));
        baseUrl.setId("host-base-url");
        username.setId("host-username");
        password.setId("host-password");
        inboundIds.setId("host-inbounds");
        inboundIds.setHelperText(getTranslation("hosts.inboundIdsHelp"));
        password.setHelperText(existing == null ? getTranslation("hosts.passwordNew")
                : getTranslation("hosts.passwordKeep"));
        apiToken.setHelperText(existing != null && Boolean.TRUE.equals(existing.getApiTokenSet())
                ? getTranslation("hosts.apiTokenKeep") : getTranslation("hosts.apiTokenNew"));
        caCertificate.setId("host-ca");
        caCertificate.setHelperText(getTranslation("hosts.caCertificateHelp"));
        caCertificate.setPlaceholder("-----BEGIN CERTIFICATE-----");
        caCertificate.setMaxHeight("10em");
        bind();
        FormLayout form = new FormLayout(name, nameEn, panelType, baseUrl, webBasePath, username, password, apiToken,
                inboundIds, subscriptionBaseUrl, countryCode, flag, displayOrder, tlsVerify, enabled, caCertificate);
        form.setColspan(caCertificate, 2);
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
    }

    private void bind() {
        binder.forField(name).asRequired(getTranslation("common.required")).bind(HostRequest::getName, HostRequest::setName);
        binder.forField(nameEn).bind(HostRequest::getNameEn, HostRequest::setNameEn);
        binder.forField(panelType).asRequired(getTranslation("common.required")).bind(HostRequest::getPanelType, HostRequest::setPanelType);
        binder.forField(baseUrl).asRequired(getTranslation("common.required")).bind(HostRequest::getBaseUrl, HostRequest::setBaseUrl);
        binder.forField(webBasePath).bind(HostRequest::getWebBasePath, HostRequest::setWebBasePath);
        binder.forField(username).asRequired(getTranslation("common.required")).bind(HostRequest::getUsername, HostRequest::setUsername);
        binder.forField(password).bind(HostRequest::getPassword, HostRequest::setPassword);
        binder.forField(apiToken).bind(HostRequest::getApiToken, HostRequest::setApiToken);
        binder.forField(inboundIds).asRequired(getTranslation("common.required")).withConverter(new InboundIdsConverter())
                .bind(HostRequest::getInboundIds, HostRequest::setInboundIds);
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
                Map.entry("nameEn", nameEn),
                Map.entry("caCertificate", caCertificate));
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
                .tlsVerify(h.getTlsVerify()).caCertificate(h.getCaCertificate()).enabled(h.getEnabled()).displayOrder(h.getDisplayOrder())
                .countryCode(h.getCountryCode()).flag(h.getFlag()).nameEn(h.getNameEn());
    }
}
