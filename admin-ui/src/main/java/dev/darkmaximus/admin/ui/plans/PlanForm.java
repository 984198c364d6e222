package dev.darkmaximus.admin.ui.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Converters;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.hosts.SquadPicker;
import dev.darkmaximus.client.api.AdminPlansApi;
import dev.darkmaximus.client.api.AdminHostsApi;
import dev.darkmaximus.client.model.HostResponse;
import dev.darkmaximus.client.model.Money;
import dev.darkmaximus.client.model.PlanRequest;
import dev.darkmaximus.client.model.PlanResponse;

/**
 * Create or edit a plan. Prices are entered in roubles and whole stars and sent as exact minor units; a blank price
 * means the plan isn't sold in that currency. Prices in other currencies and group limits are kept as they were.
 */
class PlanForm extends Dialog {

    private final BackendSession session;
    private final PlanResponse existing;
    private final Runnable onSaved;
    private final Binder<PlanRequest> binder = new Binder<>();
    private final Select<HostResponse> host = new Select<>();
    private final TextField nameRu = new TextField(getTranslation("plans.nameRu"));
    private final TextField nameEn = new TextField(getTranslation("plans.nameEn"));
    private final Select<PlanRequest.DurationUnitEnum> durationUnit = new Select<>();
    private final IntegerField durationValue = new IntegerField(getTranslation("plans.duration"));
    private final IntegerField trafficLimitGb = new IntegerField(getTranslation("plans.trafficLimit"));
    private final IntegerField deviceLimit = new IntegerField(getTranslation("plans.deviceLimit"));
    private final TextField priceRub = new TextField(getTranslation("plans.priceRub"));
    private final IntegerField priceStars = new IntegerField(getTranslation("plans.priceStars"));
    private final Select<PlanRequest.VisibilityEnum> visibility = new Select<>();
    private final Select<PlanRequest.AudienceEnum> audience = new Select<>();
    private final Select<PlanRequest.ProvisionModeEnum> provisionMode = new Select<>();
    private final IntegerField displayOrder = new IntegerField(getTranslation("plans.displayOrder"));
    private final Checkbox trial = new Checkbox(getTranslation("plans.trial"));
    private final SquadPicker squads = new SquadPicker(getTranslation("plans.squads"));
    private final Map<String, HasValidation> priceFieldsByApiName = new HashMap<>();

    PlanForm(BackendSession session, List<HostResponse> hosts, HostResponse preselected, PlanResponse existing,
             Runnable onSaved) {
        this.session = session;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("plans.new") : getTranslation("plans.edit", existing.getNameEn()));
        host.setId("plan-host");
        host.setLabel(getTranslation("plans.host"));
        host.setItems(hosts);
        host.setItemLabelGenerator(HostResponse::getName);
        choices(durationUnit, getTranslation("plans.durationUnit"), PlanRequest.DurationUnitEnum.values(),
                v -> getTranslation("plans.unit." + v.getValue()));
        choices(visibility, getTranslation("plans.visibility"), PlanRequest.VisibilityEnum.values(),
                v -> getTranslation("plans.visibility." + v.getValue()));
        choices(audience, getTranslation("plans.audience"), PlanRequest.AudienceEnum.values(),
                v -> getTranslation("plans.audience." + v.getValue()));
        choices(provisionMode, getTranslation("plans.provisionMode"), PlanRequest.ProvisionModeEnum.values(),
                v -> getTranslation("plans.provisionMode." + v.getValue()));
        nameRu.setId("plan-name-ru");
        nameEn.setId("plan-name-en");
        priceRub.setId("plan-price-rub");
        priceStars.setId("plan-price-xtr");
        priceRub.setHelperText(getTranslation("plans.priceRubHelp"));
        bind();
        squads.setId("plan-squads");
        squads.setHelperText(getTranslation("plans.squadsHelp"));
        squads.setVisible(false);
        host.addValueChangeListener(e -> showSquadsOf(e.getValue()));
        add(new FormLayout(host, nameRu, nameEn, durationUnit, durationValue, trafficLimitGb, deviceLimit, priceRub,
                priceStars, visibility, audience, provisionMode, displayOrder, trial, squads));
        Button save = new Button(getTranslation("common.save"), e -> save());
        save.setId("save-plan");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        binder.setBean(existing == null ? blank() : fromResponse(existing));
        host.setValue(hosts.stream()
                .filter(h -> Objects.equals(h.getId(), existing != null ? existing.getHostId()
                        : preselected != null ? preselected.getId() : hosts.get(0).getId()))
                .findFirst().orElse(hosts.get(0)));
        if (existing != null) {
            existing.getPrices().forEach(p -> {
                if (p.getCurrency() == Money.CurrencyEnum.RUB) {
                    priceRub.setValue(Rubles.fromKopecks(p.getAmount()));
                } else if (p.getCurrency() == Money.CurrencyEnum.XTR) {
                    priceStars.setValue(p.getAmount().intValue());
                }
            });
        }
    }

    /** A Remnawave host's squads, read live from its panel, for a plan that puts its keys elsewhere. */
    private void showSquadsOf(HostResponse chosen) {
        boolean rw = chosen != null && chosen.getPanelType() == HostResponse.PanelTypeEnum.REMNAWAVE;
        squads.setVisible(rw);
        if (rw) {
            squads.select(existing != null && Objects.equals(existing.getHostId(), chosen.getId())
                    ? existing.getSquads() : List.of());
            squads.load(() -> session.call(c -> new AdminHostsApi(c).listHostSquads(chosen.getId())));
        }
    }

    private static <T> void choices(Select<T> select, String label, T[] values,
                                    ItemLabelGenerator<T> labels) {
        select.setLabel(label);
        select.setItems(values);
        select.setItemLabelGenerator(labels);
    }

    private void bind() {
        binder.forField(nameRu).asRequired(getTranslation("common.required")).bind(PlanRequest::getNameRu, PlanRequest::setNameRu);
        binder.forField(nameEn).asRequired(getTranslation("common.required")).bind(PlanRequest::getNameEn, PlanRequest::setNameEn);
        binder.forField(durationUnit).asRequired(getTranslation("common.required")).bind(PlanRequest::getDurationUnit, PlanRequest::setDurationUnit);
        binder.forField(durationValue).asRequired(getTranslation("common.required")).bind(PlanRequest::getDurationValue, PlanRequest::setDurationValue);
        binder.forField(trafficLimitGb).withConverter(Converters.ZERO_WHEN_EMPTY)
                .bind(PlanRequest::getTrafficLimitGb, PlanRequest::setTrafficLimitGb);
        binder.forField(deviceLimit).withConverter(Converters.ZERO_WHEN_EMPTY)
                .bind(PlanRequest::getDeviceLimit, PlanRequest::setDeviceLimit);
        binder.forField(visibility).asRequired(getTranslation("common.required")).bind(PlanRequest::getVisibility, PlanRequest::setVisibility);
        binder.forField(audience).asRequired(getTranslation("common.required")).bind(PlanRequest::getAudience, PlanRequest::setAudience);
        binder.forField(provisionMode).asRequired(getTranslation("common.required"))
                .bind(PlanRequest::getProvisionMode, PlanRequest::setProvisionMode);
        binder.forField(displayOrder).withConverter(Converters.ZERO_WHEN_EMPTY)
                .bind(PlanRequest::getDisplayOrder, PlanRequest::setDisplayOrder);
        binder.forField(trial).bind(PlanRequest::getTrial, PlanRequest::setTrial);
    }

    private void save() {
        boolean valid = binder.validate().isOk();
        List<Money> prices = prices();
        if (!valid || prices == null || host.isEmpty()) {
            host.setInvalid(host.isEmpty());
            return;
        }
        PlanRequest request = binder.getBean().hostId(host.getValue().getId()).prices(prices)
                .squads(squads.isVisible() ? squads.selected() : List.of());
        try {
            if (existing == null) {
                session.call(c -> new AdminPlansApi(c).createPlan(request));
            } else {
                session.call(c -> new AdminPlansApi(c).updatePlan(existing.getId(), request));
            }
            close();
            onSaved.run();
        } catch (BackendException e) {
            Map<String, HasValidation> fields = new HashMap<>(priceFieldsByApiName);
            fields.putAll(Map.of("hostId", host, "nameRu", nameRu, "nameEn", nameEn, "durationValue", durationValue,
                    "trafficLimitGb", trafficLimitGb, "deviceLimit", deviceLimit, "displayOrder", displayOrder,
                    "squads", squads));
            Failures.show(e, fields);
        }
    }

    /** The prices to send, remembering which input each list index came from; null when an input is unreadable. */
    private List<Money> prices() {
        List<Money> prices = new ArrayList<>();
        priceFieldsByApiName.clear();
        priceRub.setInvalid(false);
        if (!priceRub.isEmpty()) {
            var kopecks = Rubles.toKopecks(priceRub.getValue());
            if (kopecks.isEmpty()) {
                priceRub.setErrorMessage(getTranslation("plans.priceRubInvalid"));
                priceRub.setInvalid(true);
                return null;
            }
            priceFieldsByApiName.put("prices[" + prices.size() + "]", priceRub);
            prices.add(new Money().amount(kopecks.get()).currency(Money.CurrencyEnum.RUB));
        }
        if (priceStars.getValue() != null) {
            priceFieldsByApiName.put("prices[" + prices.size() + "]", priceStars);
            prices.add(new Money().amount(priceStars.getValue().longValue()).currency(Money.CurrencyEnum.XTR));
        }
        if (existing != null) {
            existing.getPrices().stream()
                    .filter(p -> p.getCurrency() != Money.CurrencyEnum.RUB && p.getCurrency() != Money.CurrencyEnum.XTR)
                    .forEach(prices::add);
        }
        return prices;
    }

    private static PlanRequest blank() {
        return new PlanRequest().durationUnit(PlanRequest.DurationUnitEnum.MONTHS).durationValue(1).trafficLimitGb(0)
                .deviceLimit(0).visibility(PlanRequest.VisibilityEnum.VISIBLE).audience(PlanRequest.AudienceEnum.ALL)
                .provisionMode(PlanRequest.ProvisionModeEnum.BOTH).displayOrder(0).trial(false).groupIds(List.of());
    }

    private static PlanRequest fromResponse(PlanResponse p) {
        return new PlanRequest().nameRu(p.getNameRu()).nameEn(p.getNameEn())
                .durationUnit(PlanRequest.DurationUnitEnum.fromValue(p.getDurationUnit().getValue()))
                .durationValue(p.getDurationValue()).trafficLimitGb(p.getTrafficLimitGb()).deviceLimit(p.getDeviceLimit())
                .visibility(PlanRequest.VisibilityEnum.fromValue(p.getVisibility().getValue()))
                .audience(PlanRequest.AudienceEnum.fromValue(p.getAudience().getValue()))
                .provisionMode(PlanRequest.ProvisionModeEnum.fromValue(p.getProvisionMode().getValue()))
                .displayOrder(p.getDisplayOrder()).trial(p.getTrial()).groupIds(p.getGroupIds());
    }
}
