package dev.darkmaximus.miniapp;

import java.util.function.Consumer;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The customer's balance and referral programme, with a top-up and the referral link to share. */
final class BalanceView {

    private final HTMLDocument document;
    private final Texts texts;
    private final ApiClient api;
    private final Runnable topUp;

    BalanceView(HTMLDocument document, Texts texts, ApiClient api, Runnable topUp) {
        this.document = document;
        this.texts = texts;
        this.api = api;
        this.topUp = topUp;
    }

    void render(Runnable done, Consumer<ApiClient.Failure> failed) {
        HTMLElement root = document.getElementById("balance");
        root.setInnerHTML("");
        api.get("/me/balance", balance -> api.get("/me/referral", referral -> {
            String currency = Json.text(balance, "currency");
            HTMLElement line = element("p", "balance-line", texts.balanceLine(
                    PriceFormat.format(Json.longOf(balance, "mainMinor"), currency),
                    PriceFormat.format(Json.longOf(balance, "referralMinor"), currency)));
            line.setId("balance-main");
            root.appendChild(line);
            HTMLElement button = element("button", "pay-button", texts.topUp());
            button.setId("topup");
            button.setAttribute("type", "button");
            button.addEventListener("click", e -> topUp.run());
            root.appendChild(button);
            root.appendChild(referralCard(referral));
            api.get("/me/ledger?limit=10", lines -> {
                root.appendChild(element("h3", "section-title", texts.history()));
                JSArray<JSObject> list = Dom.array(lines);
                if (list.getLength() == 0) {
                    root.appendChild(element("p", "empty", texts.historyEmpty()));
                }
                for (int i = 0; i < list.getLength(); i++) {
                    JSObject entry = list.get(i);
                    long amount = Json.longOf(entry, "amountMinor");
                    HTMLElement entryRow = element("div", "ledger-line", null);
                    entryRow.appendChild(element("span", "ledger-kind", texts.ledgerKind(Json.text(entry, "kind"))));
                    entryRow.appendChild(element("span", amount < 0 ? "ledger-amount minus" : "ledger-amount plus",
                            (amount > 0 ? "+" : "") + PriceFormat.format(amount, Json.text(entry, "currency"))));
                    root.appendChild(entryRow);
                }
                settings(root, done, failed);
            }, failed);
        }, failed), failed);
    }

    /** Language and the auto-renewal default: the profile's two settings. */
    private void settings(HTMLElement root, Runnable done, Consumer<ApiClient.Failure> failed) {
        api.get("/me", me -> {
            Json.Me profile = (Json.Me) me;
            root.appendChild(element("h3", "section-title", texts.settings()));
            HTMLElement languages = element("div", "language-row", null);
            for (String code : new String[] {"ru", "en"}) {
                HTMLElement option = element("button", code.equals(profile.getLanguage()) ? "tab active" : "tab",
                        "ru".equals(code) ? "Русский" : "English");
                option.setId("language-" + code);
                option.setAttribute("type", "button");
                option.addEventListener("click", e -> api.put("/me/language", language(code),
                        updated -> TelegramWebApp.reloadInLanguage(), failed));
                languages.appendChild(option);
            }
            root.appendChild(languages);
            HTMLElement label = element("label", "auto-renew", null);
            HTMLElement toggle = element("input", "auto-renew-default", null);
            toggle.setId("auto-renew-default");
            toggle.setAttribute("type", "checkbox");
            if (profile.getAutoRenewDefault()) {
                toggle.setAttribute("checked", "");
            }
            toggle.addEventListener("change", e -> api.put("/me/auto-renew", enabled(checked(toggle)),
                    updated -> TelegramWebApp.haptic(), failed));
            label.appendChild(toggle);
            label.appendChild(element("span", null, texts.autoRenewDefault()));
            root.appendChild(label);
            HTMLElement cards = element("section", "saved-cards", null);
            cards.setId("saved-cards");
            root.appendChild(cards);
            savedCards(cards, done, failed);
        }, failed);
    }

    /** Cards saved for auto-renewal, each removable; nothing at all while there are none. */
    private void savedCards(HTMLElement box, Runnable done, Consumer<ApiClient.Failure> failed) {
        api.get("/me/cards", list -> {
            box.setInnerHTML("");
            JSArray<JSObject> cards = Dom.array(list);
            if (cards.getLength() > 0) {
                box.appendChild(element("h3", "section-title", texts.savedCards()));
                box.appendChild(element("p", "hint", texts.savedCardsHint()));
            }
            for (int i = 0; i < cards.getLength(); i++) {
                JSObject card = cards.get(i);
                HTMLElement row = element("div", "ledger-line saved-card", null);
                row.appendChild(element("span", "ledger-kind", Json.text(card, "title")));
                HTMLElement remove = element("button", "secondary-button", texts.removeCard());
                remove.setAttribute("type", "button");
                remove.setAttribute("data-card", Json.text(card, "id"));
                remove.addEventListener("click", e -> api.delete("/me/cards/" + Json.text(card, "id"),
                        removed -> savedCards(box, () -> { }, failed), failed));
                row.appendChild(remove);
                box.appendChild(row);
            }
            done.run();
        }, failed);
    }

    @JSBody(params = "code", script = "return JSON.stringify({language: code});")
    private static native String language(String code);

    @JSBody(params = "on", script = "return JSON.stringify({enabled: on});")
    private static native String enabled(boolean on);

    @JSBody(params = "input", script = "return !!input.checked;")
    private static native boolean checked(HTMLElement input);

    /** Invite friends: what it pays, who came, and the link to copy or share (absent until the bot's name is set). */
    private HTMLElement referralCard(JSObject referral) {
        HTMLElement card = element("section", "referral-card", null);
        card.setId("referral");
        card.appendChild(element("h3", null, texts.inviteFriends()));
        card.appendChild(element("p", "hint", texts.referralLine((int) Json.longOf(referral, "invitees"),
                (int) Json.longOf(referral, "rewardPercent"))));
        String link = Json.text(referral, "link");
        if (link == null) {
            return card;
        }
        HTMLElement row = element("div", "copy-row", null);
        HTMLElement value = element("code", "copy-value", link);
        value.setId("referral-link");
        HTMLElement copy = element("button", null, texts.copy());
        copy.setAttribute("type", "button");
        copy.addEventListener("click", e -> {
            TelegramWebApp.copy(link);
            TelegramWebApp.haptic();
            copy.setTextContent(texts.copied());
        });
        row.appendChild(value);
        row.appendChild(copy);
        card.appendChild(row);
        HTMLElement share = element("button", "pay-button", texts.share());
        share.setId("share-referral");
        share.setAttribute("type", "button");
        share.addEventListener("click", e -> TelegramWebApp.share(link, texts.shareText()));
        card.appendChild(share);
        return card;
    }

    private HTMLElement element(String tag, String cssClass, String text) {
        return Dom.element(document, tag, cssClass, text);
    }

}
