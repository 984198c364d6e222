package dev.darkmaximus.miniapp;

import java.util.function.BiConsumer;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * "My keys": one card per key with its status, days left, traffic, link and subscription URL (copy buttons), a QR
 * code on demand and the auto-renew switch; a trial banner when the customer may still take one.
 */
final class KeysView {

    private final HTMLDocument document;
    private final Texts texts;
    private final ApiClient api;
    private final Runnable reload;
    private final BiConsumer<String, String> onExtend;

    /** @param onExtend called with the key's id and title when the customer taps Extend */
    KeysView(HTMLDocument document, Texts texts, ApiClient api, Runnable reload,
             BiConsumer<String, String> onExtend) {
        this.document = document;
        this.texts = texts;
        this.api = api;
        this.reload = reload;
        this.onExtend = onExtend;
    }

    void render(JSArray<Json.Key> keys, boolean trialAvailable, long nowMillis) {
        HTMLElement list = document.getElementById("keys");
        list.setInnerHTML("");
        if (trialAvailable) {
            HTMLElement banner = element("div", "trial-banner", null);
            banner.appendChild(element("span", "trial-text", texts.trialOffer()));
            HTMLElement take = element("button", "trial-button", texts.takeTrial());
            take.setAttribute("id", "take-trial");
            HTMLElement problem = element("div", "trial-problem", null);
            take.addEventListener("click", e -> chooseTrialHost(take, problem));
            banner.appendChild(take);
            banner.appendChild(problem);
            list.appendChild(banner);
        }
        if (keys.getLength() == 0) {
            list.appendChild(element("p", "empty", texts.noKeys()));
            return;
        }
        for (int i = 0; i < keys.getLength(); i++) {
            list.appendChild(card(keys.get(i), nowMillis));
        }
    }

    /** With several servers on offer the customer picks one (the country they would buy); else it is taken. */
    private void chooseTrialHost(HTMLElement take, HTMLElement problem) {
        take.setAttribute("disabled", "disabled");
        api.get("/me/trial/hosts", answer -> {
            JSArray<Json.TrialHost> hosts = Dom.array(answer);
            if (hosts.getLength() < 2) {
                takeTrial(take, problem, "");
                return;
            }
            take.setAttribute("hidden", "");
            problem.setInnerHTML("");
            problem.appendChild(element("p", "hint", texts.chooseTrialHost()));
            for (int i = 0; i < hosts.getLength(); i++) {
                Json.TrialHost host = hosts.get(i);
                String flag = host.getFlag() != null ? host.getFlag() : Flags.of(host.getCountryCode());
                HTMLElement option = element("button", "method-option trial-host",
                        (flag.isEmpty() ? "" : flag + " ") + texts.pick(host.getName(), host.getNameEn()));
                option.setAttribute("type", "button");
                String id = Long.toString(Json.longOf(host, "id"));
                option.addEventListener("click", e -> takeTrial(take, problem, id));
                problem.appendChild(option);
            }
        }, failure -> takeTrial(take, problem, ""));
    }

    /** Takes the trial; terms to accept or a channel to join are offered in place, then it is taken again. */
    private void takeTrial(HTMLElement take, HTMLElement problem, String hostId) {
        take.setAttribute("disabled", "disabled");
        problem.setInnerHTML("");
        api.post("/me/trial" + (hostId.isEmpty() ? "" : "?hostId=" + hostId), "{}", created -> reload.run(), failure -> {
            take.removeAttribute("disabled");
            take.removeAttribute("hidden");
            if (!Gates.offer(document, texts, api, problem, failure, () -> takeTrial(take, problem, hostId))) {
                problem.appendChild(element("p", "error", failure.detail() == null ? texts.networkError()
                        : failure.detail()));
            }
        });
    }

    private HTMLElement card(Json.Key key, long nowMillis) {
        long id = Json.longOf(key, "id");
        HTMLElement card = element("div", "key-card", null);
        card.setAttribute("data-key-id", Long.toString(id));
        card.setAttribute("data-status", key.getStatus());
        String title = "#" + key.getNumber() + (key.getLabel() == null ? "" : " · " + key.getLabel())
                + " · " + texts.pick(key.getHostName(), key.getHostNameEn()) + (key.getTrial() ? " · " + texts.trial() : "");
        card.appendChild(element("div", "key-title", title));
        card.appendChild(element("div", "key-status", texts.keyStatus(key.getStatus(),
                KeyFacts.daysLeft(Json.epochMillis(key, "expiresAt"), nowMillis))));
        long limit = Json.longOf(key, "trafficLimitBytes");
        long used = Json.longOf(key, "trafficUsedBytes");
        card.appendChild(element("div", "key-traffic", texts.traffic(KeyFacts.gigabytes(used),
                limit == 0 ? null : KeyFacts.gigabytes(limit))));
        if (limit > 0) {
            HTMLElement bar = element("div", "traffic-bar", null);
            HTMLElement fill = element("div", "traffic-fill", null);
            fill.getStyle().setProperty("width", KeyFacts.percent(used, limit) + "%");
            bar.appendChild(fill);
            card.appendChild(bar);
        }
        if (!"revoked".equals(key.getStatus()) && (key.getConnectionLink() != null
                || key.getSubscriptionUrl() != null)) {
            // The one tap first: most customers never need the link below.
            card.appendChild(new ConnectView(document, texts, api).button(id));
        }
        if (key.getConnectionLink() != null) {
            card.appendChild(copyRow(texts.link(), key.getConnectionLink(), "copy-link"));
        }
        if (key.getSubscriptionUrl() != null) {
            card.appendChild(copyRow(texts.subscription(), key.getSubscriptionUrl(), "copy-subscription"));
        }
        if (key.getConnectionLink() != null || key.getSubscriptionUrl() != null) {
            HTMLElement qrButton = element("button", "qr-button", texts.showQr());
            HTMLElement qr = element("img", "key-qr", null);
            qr.setAttribute("alt", "QR");
            qr.setAttribute("hidden", "");
            String target = key.getConnectionLink() != null ? "link" : "subscription";
            qrButton.addEventListener("click", e -> TelegramWebApp.loadImage(api.url("/me/keys/" + id + "/qr?target=" + target),
                    api.token(), qr));
            card.appendChild(qrButton);
            card.appendChild(qr);
        }
        HTMLElement renew = element("label", "auto-renew", null);
        HTMLInputElement toggle = (HTMLInputElement) document.createElement("input");
        toggle.setType("checkbox");
        toggle.setClassName("auto-renew-toggle");
        toggle.setChecked(key.getAutoRenewEffective());
        toggle.addEventListener("change", e -> api.put("/me/keys/" + id + "/auto-renew",
                "{\"mode\":\"" + (toggle.isChecked() ? "on" : "off") + "\"}",
                updated -> TelegramWebApp.haptic(),
                failure -> toggle.setChecked(!toggle.isChecked())));
        renew.appendChild(toggle);
        renew.appendChild(element("span", null, texts.autoRenew()));
        card.appendChild(renew);
        card.appendChild(renameRow(id, key.getLabel()));
        if (key.getExtendable()) { // the server decides what may be extended
            HTMLElement extend = element("button", "extend-button", texts.extend());
            extend.setAttribute("type", "button");
            extend.addEventListener("click", e -> onExtend.accept(Long.toString(id), title));
            card.appendChild(extend);
        }
        return card;
    }

    /** "Rename": an inline field for the customer's own name of the key ("Phone", "Laptop"); empty clears it. */
    private HTMLElement renameRow(long id, String current) {
        HTMLElement row = element("div", "rename-row", null);
        HTMLElement open = element("button", "rename-button", texts.rename());
        open.setAttribute("type", "button");
        HTMLInputElement input = (HTMLInputElement) document.createElement("input");
        input.setClassName("rename-input");
        input.setAttribute("maxlength", "64");
        input.setAttribute("placeholder", texts.renamePlaceholder());
        input.setValue(current == null ? "" : current);
        input.setAttribute("hidden", "");
        HTMLElement save = element("button", "rename-save", texts.renameSave());
        save.setAttribute("type", "button");
        save.setAttribute("hidden", "");
        open.addEventListener("click", e -> {
            input.removeAttribute("hidden");
            save.removeAttribute("hidden");
            open.setAttribute("hidden", "");
            input.focus();
        });
        save.addEventListener("click", e -> {
            save.setAttribute("disabled", "disabled");
            api.put("/me/keys/" + id + "/label", labelBody(input.getValue().trim()),
                    renamed -> {
                        TelegramWebApp.haptic();
                        reload.run();
                    },
                    failure -> {
                        save.removeAttribute("disabled");
                        row.appendChild(element("p", "error", failure.detail() == null ? texts.networkError()
                                : failure.detail()));
                    });
        });
        row.appendChild(open);
        row.appendChild(input);
        row.appendChild(save);
        return row;
    }

    @JSBody(params = "label", script = "return JSON.stringify({label: label});")
    private static native String labelBody(String label);

    private HTMLElement copyRow(String label, String value, String cssClass) {
        HTMLElement row = element("div", "copy-row", null);
        row.appendChild(element("span", "copy-label", label));
        HTMLElement text = element("code", "copy-value", value);
        row.appendChild(text);
        HTMLElement button = element("button", cssClass, texts.copy());
        button.addEventListener("click", e -> {
            TelegramWebApp.copy(value);
            button.setTextContent(texts.copied());
        });
        row.appendChild(button);
        return row;
    }

    private HTMLElement element(String tag, String cssClass, String text) {
        return Dom.element(document, tag, cssClass, text);
    }
}
