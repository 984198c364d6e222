package dev.darkmaximus.admin.ui.broadcasts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.api.AdminBroadcastsApi;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.Broadcast;
import dev.darkmaximus.client.model.BroadcastAudience;
import dev.darkmaximus.client.model.BroadcastButton;
import dev.darkmaximus.client.model.BroadcastRequest;
import dev.darkmaximus.client.model.BroadcastSchedule;
import dev.darkmaximus.client.model.HostResponse;

/**
 * Compose or edit a draft: text (Telegram HTML), an optional image, up to a few URL buttons, the audience with its
 * live count; then save, send a preview to yourself, and schedule (now or later). Sending needs a confirmation
 * naming how many customers get it.
 */
class BroadcastDialog extends Dialog {

    private final BackendSession session;
    private final Runnable changed;
    private final TextArea text = new TextArea();
    private final TextField image = new TextField();
    private final TextField buttonText = new TextField();
    private final TextField buttonUrl = new TextField();
    private final Select<BroadcastAudience.KindEnum> kind = new Select<>();
    private final IntegerField days = new IntegerField();
    private final Select<HostResponse> host = new Select<>();
    private final Select<String> language = new Select<>();
    private final Span count = new Span();
    private final DateTimePicker at = new DateTimePicker();
    private Long id;
    private ZoneId zone = ZoneId.of("UTC");

    BroadcastDialog(BackendSession session, Broadcast draft, Runnable changed) {
        this.session = session;
        this.changed = changed;
        this.id = draft == null ? null : draft.getId();
        setHeaderTitle(getTranslation(draft == null ? "broadcasts.new" : "broadcasts.edit"));
        setWidth("min(44em, 100vw)");

        text.setId("broadcast-text");
        text.setLabel(getTranslation("broadcasts.text"));
        text.setHelperText(getTranslation("broadcasts.textHelp"));
        text.setWidthFull();
        text.setMinHeight("10em");
        text.setMaxLength(4096);
        image.setId("broadcast-image");
        image.setLabel(getTranslation("broadcasts.image"));
        image.setWidthFull();
        buttonText.setId("broadcast-button-text");
        buttonText.setLabel(getTranslation("broadcasts.buttonText"));
        buttonUrl.setId("broadcast-button-url");
        buttonUrl.setLabel(getTranslation("broadcasts.buttonUrl"));
        buttonUrl.setPlaceholder("https://");

        kind.setId("broadcast-audience");
        kind.setLabel(getTranslation("broadcasts.audience"));
        kind.setItems(BroadcastAudience.KindEnum.values());
        kind.setItemLabelGenerator(k -> getTranslation("broadcasts.audience." + k.getValue()));
        kind.setValue(BroadcastAudience.KindEnum.ALL);
        days.setId("broadcast-days");
        days.setLabel(getTranslation("broadcasts.days"));
        days.setMin(1);
        days.setMax(3650);
        host.setId("broadcast-host");
        host.setLabel(getTranslation("broadcasts.host"));
        host.setItemLabelGenerator(HostResponse::getName);
        try {
            List<HostResponse> hosts = session.call(c -> new AdminHostsApi(c).listHosts());
            host.setItems(hosts);
        } catch (BackendException e) {
            Failures.show(e);
        }
        language.setId("broadcast-language");
        language.setLabel(getTranslation("broadcasts.language"));
        language.setItems("", "ru", "en");
        language.setItemLabelGenerator(l -> l.isEmpty() ? getTranslation("common.all") : l);
        language.setValue("");
        kind.addValueChangeListener(e -> audienceChanged());
        days.addValueChangeListener(e -> updateCount());
        host.addValueChangeListener(e -> updateCount());
        language.addValueChangeListener(e -> updateCount());
        count.setId("broadcast-count");
        at.setId("broadcast-at");
        at.setLabel(getTranslation("broadcasts.at"));
        at.setHelperText(getTranslation("broadcasts.atHelp"));
        // "Later" means the operator's wall clock, so read their browser's time zone.
        UI.getCurrent().getPage().retrieveExtendedClientDetails(details -> {
            if (details.getTimeZoneId() != null) {
                zone = ZoneId.of(details.getTimeZoneId());
            }
        });

        if (draft != null) {
            text.setValue(draft.getText());
            image.setValue(draft.getImageFileId() == null ? "" : draft.getImageFileId());
            if (draft.getButtons() != null && !draft.getButtons().isEmpty()) {
                buttonText.setValue(draft.getButtons().getFirst().getText());
                buttonUrl.setValue(draft.getButtons().getFirst().getUrl());
            }
            BroadcastAudience audience = draft.getAudience();
            kind.setValue(audience.getKind());
            days.setValue(audience.getDays());
            language.setValue(audience.getLanguage() == null ? "" : audience.getLanguage());
            host.getListDataView().getItems().filter(h -> h.getId().equals(audience.getHostId())).findFirst()
                    .ifPresent(host::setValue);
        }
        audienceChanged();

        HorizontalLayout button = new HorizontalLayout(buttonText, buttonUrl);
        HorizontalLayout audience = new HorizontalLayout(kind, days, host, language);
        audience.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        audience.setWrap(true);
        VerticalLayout form = new VerticalLayout(text, image, button, audience, count, at);
        form.setPadding(false);
        add(form);

        Button save = new Button(getTranslation("common.save"), e -> save(false));
        save.setId("broadcast-save");
        Button preview = new Button(getTranslation("broadcasts.preview"), e -> preview());
        preview.setId("broadcast-preview");
        Button send = new Button(getTranslation("broadcasts.send"), e -> confirmSend());
        send.setId("broadcast-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, save, preview, send);
    }

    private void audienceChanged() {
        BroadcastAudience.KindEnum k = kind.getValue();
        days.setVisible(k == BroadcastAudience.KindEnum.EXPIRED_KEYS);
        host.setVisible(k == BroadcastAudience.KindEnum.HOST);
        updateCount();
    }

    private BroadcastAudience audience() {
        BroadcastAudience audience = new BroadcastAudience().kind(kind.getValue());
        if (days.isVisible()) {
            audience.days(days.getValue());
        }
        if (host.isVisible() && host.getValue() != null) {
            audience.hostId(host.getValue().getId());
        }
        if (!language.getValue().isEmpty()) {
            audience.language(language.getValue());
        }
        return audience;
    }

    private void updateCount() {
        try {
            long n = session.call(c -> new AdminBroadcastsApi(c).countBroadcastAudience(audience())).getCount();
            count.setText(getTranslation("broadcasts.count", n));
        } catch (BackendException e) {
            count.setText(getTranslation("broadcasts.countUnknown"));
        }
    }

    private BroadcastRequest request() {
        List<BroadcastButton> buttons = new ArrayList<>();
        if (!buttonText.getValue().isBlank() || !buttonUrl.getValue().isBlank()) {
            buttons.add(new BroadcastButton().text(buttonText.getValue().strip()).url(buttonUrl.getValue().strip()));
        }
        return new BroadcastRequest().text(text.getValue()).audience(audience()).buttons(buttons)
                .imageFileId(image.getValue().isBlank() ? null : image.getValue().strip());
    }

    /** @return whether the draft is saved */
    private boolean save(boolean quietly) {
        if (text.getValue().isBlank()) {
            text.setErrorMessage(getTranslation("broadcasts.textEmpty"));
            text.setInvalid(true);
            return false;
        }
        try {
            Broadcast saved = id == null
                    ? session.call(c -> new AdminBroadcastsApi(c).createBroadcast(request()))
                    : session.call(c -> new AdminBroadcastsApi(c).updateBroadcast(id, request()));
            id = saved.getId();
            changed.run();
            if (!quietly) {
                Notification.show(getTranslation("common.saved"), 2000, Notification.Position.BOTTOM_START);
            }
            return true;
        } catch (BackendException e) {
            Failures.show(e, Map.of("text", text, "imageFileId", image, "buttons", buttonUrl, "audience.days", days));
            return false;
        }
    }

    private void preview() {
        if (!save(true)) {
            return;
        }
        try {
            session.call(c -> {
                new AdminBroadcastsApi(c).previewBroadcast(id);
                return null;
            });
            Notification.show(getTranslation("broadcasts.previewSent"), 3000, Notification.Position.BOTTOM_START);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private void confirmSend() {
        if (!save(true)) {
            return;
        }
        ConfirmDialog confirm =
                new ConfirmDialog(getTranslation("broadcasts.sendTitle"),
                        count.getText(), getTranslation("broadcasts.send"), ok -> schedule(),
                        getTranslation("common.cancel"), no -> { });
        confirm.setId("broadcast-send-confirm");
        confirm.open();
    }

    private void schedule() {
        BroadcastSchedule when = new BroadcastSchedule();
        if (at.getValue() != null) {
            when.at(at.getValue().atZone(zone).toOffsetDateTime());
        }
        try {
            session.call(c -> new AdminBroadcastsApi(c).scheduleBroadcast(id, when));
            changed.run();
            close();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
