package dev.darkmaximus.miniapp;

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

    void render(Runnable done, java.util.function.Consumer<ApiClient.Failure> failed) {
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
            root.appendChild(element("p", "hint", texts.referralLine((int) Json.longOf(referral, "invitees"),
                    (int) Json.longOf(referral, "rewardPercent"))));
            String link = Json.text(referral, "link");
            if (link != null) {
                HTMLElement row = element("div", "copy-row", null);
                HTMLElement value = element("code", "copy-value", link);
                value.setId("referral-link");
                HTMLElement copy = element("button", "secondary-button", "⧉");
                copy.setAttribute("type", "button");
                copy.addEventListener("click", e -> {
                    TelegramWebApp.copy(link);
                    TelegramWebApp.haptic();
                });
                row.appendChild(value);
                row.appendChild(copy);
                root.appendChild(row);
                HTMLElement share = element("button", "secondary-button", texts.share());
                share.setId("share-referral");
                share.setAttribute("type", "button");
                share.addEventListener("click", e -> TelegramWebApp.share(link, texts.shareText()));
                root.appendChild(share);
            }
            api.get("/me/ledger?limit=10", lines -> {
                root.appendChild(element("h3", "section-title", texts.history()));
                org.teavm.jso.core.JSArray<org.teavm.jso.JSObject> list = Dom.array(lines);
                if (list.getLength() == 0) {
                    root.appendChild(element("p", "empty", texts.historyEmpty()));
                }
                for (int i = 0; i < list.getLength(); i++) {
                    org.teavm.jso.JSObject entry = list.get(i);
                    long amount = Json.longOf(entry, "amountMinor");
                    HTMLElement entryRow = element("div", "ledger-line", null);
                    entryRow.appendChild(element("span", "ledger-kind", texts.ledgerKind(Json.text(entry, "kind"))));
                    entryRow.appendChild(element("span", amount < 0 ? "ledger-amount minus" : "ledger-amount plus",
                            (amount > 0 ? "+" : "") + PriceFormat.format(amount, Json.text(entry, "currency"))));
                    root.appendChild(entryRow);
                }
                done.run();
            }, failed::accept);
        }, failed::accept), failed::accept);
    }

    private HTMLElement element(String tag, String cssClass, String text) {
        return Dom.element(document, tag, cssClass, text);
    }

}
