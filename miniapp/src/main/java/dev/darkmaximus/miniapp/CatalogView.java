package dev.darkmaximus.miniapp;

import java.util.function.BiConsumer;

import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** Renders the storefront: one section per host, one card per plan with its prices. */
final class CatalogView {

    private final HTMLDocument document;
    private final Texts texts;
    private final BiConsumer<String, String> onBuy;

    /** @param onBuy called with the plan's id and name when the customer taps Buy */
    CatalogView(HTMLDocument document, Texts texts, BiConsumer<String, String> onBuy) {
        this.document = document;
        this.texts = texts;
        this.onBuy = onBuy;
    }

    void render(JSArray<Json.Host> hosts) {
        HTMLElement catalog = document.getElementById("catalog");
        catalog.setInnerHTML("");
        if (hosts.getLength() == 0) {
            catalog.appendChild(element("p", "empty", texts.emptyCatalog()));
            return;
        }
        for (int i = 0; i < hosts.getLength(); i++) {
            catalog.appendChild(host(hosts.get(i)));
        }
    }

    private HTMLElement host(Json.Host host) {
        HTMLElement section = element("section", "host", null);
        String flag = host.getFlag() != null ? host.getFlag() : Flags.of(host.getCountryCode());
        HTMLElement name = element("h2", "host-name", null);
        if (!flag.isEmpty()) {
            name.appendChild(element("span", "flag", flag));
        }
        name.appendChild(document.createTextNode(texts.pick(host.getName(), host.getNameEn())));
        section.appendChild(name);
        if (host.getKeysMayBeDelayed()) {
            section.appendChild(element("p", "host-delayed", texts.keysMayBeDelayed()));
        }
        JSArray<Json.Plan> plans = host.getPlans();
        for (int i = 0; i < plans.getLength(); i++) {
            section.appendChild(plan(plans.get(i)));
        }
        return section;
    }

    private HTMLElement plan(Json.Plan plan) {
        HTMLElement card = element("div", "plan-card", null);
        card.setAttribute("data-plan-id", Long.toString(Json.longOf(plan, "id")));
        HTMLElement info = element("div", "plan-info", null);
        String name = "ru".equals(texts.language()) ? plan.getNameRu() : plan.getNameEn();
        info.appendChild(element("div", "plan-name", name));
        String traffic = plan.getTrafficLimitGb() == 0 ? texts.unlimited() : texts.gigabytes(plan.getTrafficLimitGb());
        info.appendChild(element("div", "plan-details",
                DurationText.format(plan.getDurationUnit(), plan.getDurationValue(), texts.language())
                        + " · " + traffic + " · " + texts.devices(plan.getDeviceLimit())));
        card.appendChild(info);
        HTMLElement prices = element("div", "plan-prices", null);
        JSArray<Json.Price> list = plan.getPrices();
        for (int i = 0; i < list.getLength(); i++) {
            Json.Price price = list.get(i);
            HTMLElement tag = element("span", "plan-price",
                    PriceFormat.format(Json.longOf(price, "amount"), price.getCurrency()));
            tag.setAttribute("data-currency", price.getCurrency());
            prices.appendChild(tag);
        }
        HTMLElement buy = element("button", "buy-button", texts.buy());
        buy.setAttribute("type", "button");
        String id = Long.toString(Json.longOf(plan, "id"));
        buy.addEventListener("click", e -> onBuy.accept(id, name));
        prices.appendChild(buy);
        card.appendChild(prices);
        return card;
    }

    private HTMLElement element(String tag, String cssClass, String text) {
        return Dom.element(document, tag, cssClass, text);
    }
}
