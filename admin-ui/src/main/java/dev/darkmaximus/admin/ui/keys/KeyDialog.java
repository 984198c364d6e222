package dev.darkmaximus.admin.ui.keys;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;

import dev.darkmaximus.admin.backend.BackendCall;
import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.Privacy;
import dev.darkmaximus.client.api.AdminKeysApi;
import dev.darkmaximus.client.model.ExtendRequest;
import dev.darkmaximus.client.model.KeyResponse;
import dev.darkmaximus.client.model.SyncOutcomeResponse;

/** One key: its details, and enable/disable, extend, resync and (admins) revoke. */
public class KeyDialog extends Dialog {

    private final BackendSession session;
    private final Runnable changed;
    private final FormLayout details = new FormLayout();
    private KeyResponse key;

    public KeyDialog(BackendSession session, KeyResponse key, Runnable changed) {
        this.session = session;
        this.changed = changed;
        setHeaderTitle(getTranslation("keys.title", key.getId()));
        setWidth("46em");
        add(details);
        show(key);

        IntegerField days = new IntegerField();
        days.setId("extend-days");
        days.setPlaceholder(getTranslation("keys.days"));
        days.setMin(1);
        days.setMax(3650);
        days.setValue(30);
        Button extend = new Button(getTranslation("keys.extend"), e -> act(c -> new AdminKeysApi(c).extendKey(this.key.getId(),
                new ExtendRequest().days(days.getValue()))));
        extend.setId("extend-key");
        Button toggle = new Button(getTranslation("keys.toggle"), e -> act(c -> Boolean.TRUE.equals(this.key.getEnabled())
                ? new AdminKeysApi(c).disableKey(this.key.getId())
                : new AdminKeysApi(c).enableKey(this.key.getId())));
        toggle.setId("toggle-key");
        Button resync = new Button(getTranslation("keys.resync"), e -> resync());
        resync.setId("resync-key");
        Button revoke = new Button(getTranslation("keys.revokeAction"), e -> confirmRevoke());
        revoke.setId("revoke-key");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setVisible(session.isAdmin());
        HorizontalLayout actions = new HorizontalLayout(days, extend, toggle, resync, revoke);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        add(actions);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    private void show(KeyResponse current) {
        key = current;
        details.removeAll();
        String status = Boolean.TRUE.equals(current.getTrial()) ? getTranslation("keys.withTrial",
                current.getStatus().getValue()) : current.getStatus().getValue();
        details.addFormItem(text(Boolean.TRUE.equals(current.getEnabled()) ? status
                : getTranslation("keys.switchedOff", status)), getTranslation("keys.status"));
        details.addFormItem(text(current.getHostName()), getTranslation("keys.host"));
        details.addFormItem(text(getTranslation("keys.ownerText", current.getCustomerId(), current.getNumber())),
                getTranslation("keys.owner"));
        details.addFormItem(text(Privacy.shown(session, current.getPanelEmail())), getTranslation("keys.panelEmail"));
        details.addFormItem(text(current.getExpiresAt() == null ? "—" : KeysView.TIME.format(current.getExpiresAt())
                + " UTC"), getTranslation("keys.expires"));
        details.addFormItem(text(KeysView.traffic(current.getTrafficUsedBytes(), current.getTrafficLimitBytes())),
                getTranslation("keys.traffic"));
        details.addFormItem(text(current.getAutoRenew().getValue() + " → " + getTranslation(
                Boolean.TRUE.equals(current.getAutoRenewEffective()) ? "keys.renews" : "keys.doesNotRenew")),
                getTranslation("keys.autoRenew"));
        String synced = current.getLastSyncedAt() == null ? getTranslation("keys.never")
                : KeysView.TIME.format(current.getLastSyncedAt()) + " UTC";
        details.addFormItem(text(current.getLastSyncedAt() == null || current.getPanelMissingSince() == null ? synced
                : getTranslation("keys.missingSince", synced, KeysView.TIME.format(current.getPanelMissingSince()))),
                getTranslation("keys.lastSync"));
        TextArea link = new TextArea();
        link.setReadOnly(true);
        link.setWidthFull();
        link.setValue(Privacy.shown(session, current.getConnectionLink()));
        details.addFormItem(link, getTranslation("keys.link"));
        details.addFormItem(text(current.getSubscriptionUrl() == null ? "—" : Privacy.shown(session, current.getSubscriptionUrl())),
                getTranslation("keys.subscription"));
    }

    private void act(BackendCall<KeyResponse> action) {
        try {
            show(session.call(action));
            changed.run();
            Notification.show(getTranslation("keys.saved"));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void resync() {
        try {
            SyncOutcomeResponse outcome = session.call(c -> new AdminKeysApi(c).resyncKey(key.getId()));
            show(outcome.getKey());
            changed.run();
            Notification.show(Boolean.TRUE.equals(outcome.getMissingOnPanel()) ? getTranslation("keys.noSuchClient")
                    : outcome.getChanges() == null || outcome.getChanges().isEmpty() ? getTranslation("keys.inStep")
                    : getTranslation("keys.takenFromPanel", String.join(", ", outcome.getChanges().keySet())));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void confirmRevoke() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("keys.revokeTitle", key.getId()),
                getTranslation("keys.revokeText"), getTranslation("keys.revoke"), e -> {
                    try {
                        show(session.call(c -> new AdminKeysApi(c).revokeKey(key.getId())));
                        changed.run();
                    } catch (BackendException failure) {
                        Failures.show(failure);
                    }
                }, getTranslation("common.cancel"), e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static Component text(String value) {
        return new Span(value == null ? "" : value);
    }
}
