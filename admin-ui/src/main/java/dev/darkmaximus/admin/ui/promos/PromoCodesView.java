package dev.darkmaximus.admin.ui.promos;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.client.api.AdminPromoCodesApi;
import dev.darkmaximus.client.model.PromoCode;

/** Promo codes with their use counts; admins create and edit them, a row shows its redemptions. */
@AdminOnly
@Route(value = "promo-codes", layout = MainLayout.class)
@PageTitle("Promo codes · Dark Maximus")
public class PromoCodesView extends VerticalLayout {

    private final BackendSession session;
    private final Grid<PromoCode> grid = new Grid<>(PromoCode.class, false);

    public PromoCodesView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button create = new Button(getTranslation("promos.new"), e -> new PromoDialog(session, null, this::load).open());
        create.setId("promo-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(session.isAdmin());
        grid.setId("promo-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(PromoCode::getCode).setHeader(getTranslation("promos.code")).setAutoWidth(true);
        grid.addColumn(PromoCodesView::effect).setHeader(getTranslation("promos.gives"));
        grid.addColumn(p -> p.getTimesUsed() + (p.getTotalLimit() == null ? "" : " / " + p.getTotalLimit()))
                .setHeader(getTranslation("promos.used"));
        grid.addColumn(p -> {
            String rules = getTranslation("promos.perCustomer", p.getPerCustomerLimit());
            return Boolean.TRUE.equals(p.getFirstPurchaseOnly()) ? getTranslation("promos.firstPurchase", rules) : rules;
        }).setHeader(getTranslation("promos.rules"));
        grid.addColumn(p -> getTranslation(Boolean.TRUE.equals(p.getActive()) ? "promos.active" : "promos.off"))
                .setHeader(getTranslation("promos.state"));
        grid.addItemClickListener(e -> new PromoDialog(session, e.getItem(), this::load).open());
        add(create, grid);
        load();
    }

    static String effect(PromoCode p) {
        return switch (String.valueOf(p.getKind())) {
            case "PERCENT" -> UI.getCurrent().getTranslation("promos.effect.PERCENT", p.getValue());
            case "FIXED" -> UI.getCurrent().getTranslation("promos.effect.FIXED",
                    Amounts.format(p.getValue(), p.getCurrency()));
            case "BONUS_DAYS" -> UI.getCurrent().getTranslation("promos.effect.BONUS_DAYS", p.getValue());
            case "BALANCE_BONUS" -> UI.getCurrent().getTranslation("promos.effect.BALANCE_BONUS",
                    Amounts.format(p.getValue(), p.getCurrency()));
            default -> String.valueOf(p.getKind());
        };
    }

    private void load() {
        try {
            List<PromoCode> codes = session.call(c -> new AdminPromoCodesApi(c).listPromoCodes());
            grid.setItems(codes);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
