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
        setHeaderTitle("Key " + key.getId());
        setWidth("46em");
        add(details);
        show(key);

        IntegerField days = new IntegerField();
        days.setId("extend-days");
        days.setPlaceholder("days");
        days.setMin(1);
        days.setMax(3650);
        days.setValue(30);
        Button extend = new Button("Extend", e -> act(c -> new AdminKeysApi(c).extendKey(this.key.getId(),
                new ExtendRequest().days(days.getValue()))));
        extend.setId("extend-key");
        Button toggle = new Button("Enable / disable", e -> act(c -> Boolean.TRUE.equals(this.key.getEnabled())
                ? new AdminKeysApi(c).disableKey(this.key.getId())
                : new AdminKeysApi(c).enableKey(this.key.getId())));
        toggle.setId("toggle-key");
        Button resync = new Button("Resync from panel", e -> resync());
        resync.setId("resync-key");
        Button revoke = new Button("Revoke…", e -> confirmRevoke());
        revoke.setId("revoke-key");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setVisible(session.isAdmin());
        HorizontalLayout actions = new HorizontalLayout(days, extend, toggle, resync, revoke);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        add(actions);
        getFooter().add(new Button("Close", e -> close()));
    }

    private void show(KeyResponse current) {
        key = current;
        details.removeAll();
        details.addFormItem(text(current.getStatus() + (Boolean.TRUE.equals(current.getTrial()) ? " (trial)" : "")
                + (Boolean.TRUE.equals(current.getEnabled()) ? "" : " · switched off")), "Status");
        details.addFormItem(text(current.getHostName()), "Host");
        details.addFormItem(text("customer " + current.getCustomerId() + ", key #" + current.getNumber()), "Owner");
        details.addFormItem(text(current.getPanelEmail()), "Panel email");
        details.addFormItem(text(current.getExpiresAt() == null ? "—" : KeysView.TIME.format(current.getExpiresAt())
                + " UTC"), "Expires");
        details.addFormItem(text(KeysView.traffic(current.getTrafficUsedBytes(), current.getTrafficLimitBytes())),
                "Traffic");
        details.addFormItem(text(current.getAutoRenew() + " → " + (Boolean.TRUE.equals(current.getAutoRenewEffective())
                ? "renews" : "does not renew")), "Auto-renew");
        details.addFormItem(text(current.getLastSyncedAt() == null ? "never"
                : KeysView.TIME.format(current.getLastSyncedAt()) + " UTC"
                + (current.getPanelMissingSince() == null ? "" : " · missing on the panel since "
                + KeysView.TIME.format(current.getPanelMissingSince()))), "Last sync");
        TextArea link = new TextArea();
        link.setReadOnly(true);
        link.setWidthFull();
        link.setValue(current.getConnectionLink() == null ? "" : current.getConnectionLink());
        details.addFormItem(link, "Link");
        details.addFormItem(text(current.getSubscriptionUrl() == null ? "—" : current.getSubscriptionUrl()),
                "Subscription");
    }

    private void act(BackendCall<KeyResponse> action) {
        try {
            show(session.call(action));
            changed.run();
            Notification.show("Saved; the panel is updated in the background.");
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void resync() {
        try {
            SyncOutcomeResponse outcome = session.call(c -> new AdminKeysApi(c).resyncKey(key.getId()));
            show(outcome.getKey());
            changed.run();
            Notification.show(Boolean.TRUE.equals(outcome.getMissingOnPanel()) ? "The panel has no such client."
                    : outcome.getChanges() == null || outcome.getChanges().isEmpty() ? "Already in step with the panel."
                    : "Taken from the panel: " + String.join(", ", outcome.getChanges().keySet()));
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void confirmRevoke() {
        ConfirmDialog confirm = new ConfirmDialog("Revoke key " + key.getId() + "?",
                "The client is deleted from the panel and the customer loses access. This can't be undone.",
                "Revoke", e -> {
                    try {
                        show(session.call(c -> new AdminKeysApi(c).revokeKey(key.getId())));
                        changed.run();
                    } catch (BackendException failure) {
                        Failures.show(failure);
                    }
                }, "Cancel", e -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static Component text(String value) {
        return new Span(value == null ? "" : value);
    }
}
