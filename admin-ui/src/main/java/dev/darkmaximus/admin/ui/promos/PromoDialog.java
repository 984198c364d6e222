package dev.darkmaximus.admin.ui.promos;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.admin.ui.plans.Rubles;
import dev.darkmaximus.client.api.AdminPromoCodesApi;
import dev.darkmaximus.client.model.PromoCode;
import dev.darkmaximus.client.model.PromoCodeRequest;
import dev.darkmaximus.client.model.PromoRedemption;

/**
 * Create or edit a promo code: the value field means percent, roubles or days depending on the kind, and is
 * checked before sending; the API's field errors land on their fields. An existing code lists its redemptions.
 */
class PromoDialog extends Dialog {

    private final BackendSession session;
    private final PromoCode existing;
    private final Runnable saved;
    private final TextField code = new TextField(getTranslation("promos.code"));
    private final ComboBox<String> kind = new ComboBox<>(getTranslation("promos.kind"));
    private final TextField value = new TextField(getTranslation("promos.value"));
    private final DatePicker validFrom = new DatePicker(getTranslation("promos.validFrom"));
    private final DatePicker validUntil = new DatePicker(getTranslation("promos.validUntil"));
    private final IntegerField totalLimit = new IntegerField(getTranslation("promos.totalLimit"));
    private final IntegerField perCustomer = new IntegerField(getTranslation("promos.perCustomerLimit"));
    private final Checkbox firstPurchase = new Checkbox(getTranslation("promos.firstPurchaseOnly"));
    private final Checkbox active = new Checkbox(getTranslation("promos.activeField"), true);

    PromoDialog(BackendSession session, PromoCode existing, Runnable saved) {
        this.session = session;
        this.existing = existing;
        this.saved = saved;
        setId("promo-dialog");
        setHeaderTitle(existing == null ? getTranslation("promos.new") : getTranslation("promos.title", existing.getCode()));
        setWidth("min(40em, 100vw)");
        code.setId("promo-code");
        code.setRequired(true);
        kind.setId("promo-kind");
        kind.setItems("PERCENT", "FIXED", "BONUS_DAYS", "BALANCE_BONUS");
        kind.setItemLabelGenerator(k -> getTranslation("promos.kind." + k));
        kind.setValue("PERCENT");
        kind.addValueChangeListener(e -> value.setLabel(valueLabel()));
        value.setId("promo-value");
        value.setLabel(valueLabel());
        perCustomer.setValue(1);
        perCustomer.setMin(1);
        totalLimit.setMin(1);
        if (existing != null) {
            code.setValue(existing.getCode());
            kind.setValue(String.valueOf(existing.getKind()));
            value.setValue(money() ? Rubles.fromKopecks(existing.getValue()) : String.valueOf(existing.getValue()));
            if (existing.getValidFrom() != null) {
                validFrom.setValue(existing.getValidFrom().toLocalDate());
            }
            if (existing.getValidUntil() != null) {
                validUntil.setValue(existing.getValidUntil().toLocalDate());
            }
            totalLimit.setValue(existing.getTotalLimit());
            perCustomer.setValue(existing.getPerCustomerLimit());
            firstPurchase.setValue(Boolean.TRUE.equals(existing.getFirstPurchaseOnly()));
            active.setValue(Boolean.TRUE.equals(existing.getActive()));
        }
        FormLayout form = new FormLayout(code, kind, value, validFrom, validUntil, totalLimit, perCustomer,
                firstPurchase, active);
        add(form);
        if (existing != null) {
            add(redemptions());
        }
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("promo-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(session.isAdmin());
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }

    private boolean money() {
        return "FIXED".equals(kind.getValue()) || "BALANCE_BONUS".equals(kind.getValue());
    }

    private String valueLabel() {
        return switch (kind.getValue() == null ? "" : kind.getValue()) {
            case "PERCENT" -> getTranslation("promos.valuePercent");
            case "BONUS_DAYS" -> getTranslation("promos.valueDays");
            default -> getTranslation("promos.valueAmount");
        };
    }

    private void save() {
        Long parsed = money() ? Rubles.toKopecks(value.getValue()).orElse(null) : whole(value.getValue());
        if (parsed == null || parsed <= 0) {
            value.setErrorMessage(getTranslation(money() ? "promos.valueInvalidAmount" : "promos.valueInvalidWhole"));
            value.setInvalid(true);
            return;
        }
        PromoCodeRequest request = new PromoCodeRequest()
                .code(code.getValue().strip())
                .kind(PromoCodeRequest.KindEnum.fromValue(kind.getValue()))
                .value(parsed)
                .currency(money() ? PromoCodeRequest.CurrencyEnum.RUB : null)
                .validFrom(start(validFrom.getValue()))
                .validUntil(start(validUntil.getValue()))
                .totalLimit(totalLimit.getValue())
                .perCustomerLimit(perCustomer.getValue())
                .firstPurchaseOnly(firstPurchase.getValue())
                .active(active.getValue())
                .planIds(existing == null ? List.of() : existing.getPlanIds());
        Map<String, HasValidation> fields = Map.of("code", code, "value", value, "validUntil", validUntil,
                "totalLimit", totalLimit, "perCustomerLimit", perCustomer);
        try {
            session.call(c -> existing == null ? new AdminPromoCodesApi(c).createPromoCode(request)
                    : new AdminPromoCodesApi(c).updatePromoCode(existing.getId(), request));
            saved.run();
            close();
        } catch (BackendException e) {
            Failures.show(e, fields);
        }
    }

    private Grid<PromoRedemption> redemptions() {
        Grid<PromoRedemption> grid = new Grid<>(PromoRedemption.class, false);
        grid.setId("promo-redemptions");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.setAllRowsVisible(true);
        grid.addColumn(r -> r.getRedeemedAt() == null ? "" : r.getRedeemedAt().toLocalDate().toString()).setHeader(getTranslation("promos.date"));
        grid.addColumn(r -> getTranslation("promos.customer", r.getCustomerId())).setHeader(getTranslation("promos.who"));
        grid.addColumn(r -> getTranslation("promos.orderNumber", r.getOrderId())).setHeader(getTranslation("promos.order"));
        grid.addColumn(r -> Amounts.format(r.getSavedMinor(), r.getCurrency())).setHeader(getTranslation("promos.saved"));
        grid.addColumn(r -> Boolean.TRUE.equals(r.getOverLimit()) ? getTranslation("promos.overLimit") : "").setHeader("");
        try {
            List<PromoRedemption> uses = session.call(c -> new AdminPromoCodesApi(c)
                    .listPromoRedemptions(existing.getId(), null, 100));
            grid.setItems(uses);
        } catch (BackendException e) {
            Failures.show(e);
        }
        add(new H4(getTranslation("promos.redemptions")));
        return grid;
    }

    private static OffsetDateTime start(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Long whole(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
