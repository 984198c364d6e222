package dev.darkmaximus.admin.ui.promos;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.admin.ui.payments.Amounts;
import dev.darkmaximus.client.api.AdminPromoCodesApi;
import dev.darkmaximus.client.model.PromoCode;

/** Promo codes with their use counts; admins create and edit them, a row shows its redemptions. */
@dev.darkmaximus.admin.ui.AdminOnly
@Route(value = "promo-codes", layout = MainLayout.class)
@PageTitle("Promo codes · Dark Maximus")
public class PromoCodesView extends VerticalLayout {

    private final BackendSession session;
    private final Grid<PromoCode> grid = new Grid<>(PromoCode.class, false);

    public PromoCodesView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button create = new Button("New promo code", e -> new PromoDialog(session, null, this::load).open());
        create.setId("promo-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(session.isAdmin());
        grid.setId("promo-grid");
        grid.addColumn(PromoCode::getCode).setHeader("Code").setAutoWidth(true);
        grid.addColumn(PromoCodesView::effect).setHeader("Gives");
        grid.addColumn(p -> p.getTimesUsed() + (p.getTotalLimit() == null ? "" : " / " + p.getTotalLimit()))
                .setHeader("Used");
        grid.addColumn(p -> p.getPerCustomerLimit() + " per customer"
                + (Boolean.TRUE.equals(p.getFirstPurchaseOnly()) ? ", first purchase" : "")).setHeader("Rules");
        grid.addColumn(p -> Boolean.TRUE.equals(p.getActive()) ? "active" : "off").setHeader("State");
        grid.addItemClickListener(e -> new PromoDialog(session, e.getItem(), this::load).open());
        add(create, grid);
        load();
    }

    static String effect(PromoCode p) {
        return switch (String.valueOf(p.getKind())) {
            case "PERCENT" -> p.getValue() + " % off";
            case "FIXED" -> Amounts.format(p.getValue(), p.getCurrency()) + " off";
            case "BONUS_DAYS" -> "+" + p.getValue() + " days";
            case "BALANCE_BONUS" -> Amounts.format(p.getValue(), p.getCurrency()) + " to the balance";
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
