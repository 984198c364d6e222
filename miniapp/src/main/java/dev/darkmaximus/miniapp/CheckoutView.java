package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Checkout for a plan (or an extension): promo code, payment method, the server's quote with its breakdown, then
 * pay. One idempotency key per checkout and a disabled button while a request is out, so taps never make two
 * orders. YooKassa opens its page; Stars open Telegram's invoice; either way the order is polled until paid.
 */
final class CheckoutView {

    private static final int POLL_MILLIS = 3000;
    private static final int POLL_LIMIT = 200;

    private final HTMLDocument document;
    private final Texts texts;
    private final ApiClient api;
    /** Where the customer goes after paying: My keys, or the balance after a top-up. */
    private final Runnable showKeys;
    /** One key per distinct request: the same taps reuse it, a changed promo code or method gets a new one. */
    private String idempotencyKey;
    private String keyFor;
    private String kind;
    private String planId;
    private String keyId;
    private String amountMinor;
    private String method;
    /** The words of "save the card for auto-renewal" from the server, null where it isn't offered. */
    private String consent;
    /** The shop's bank details, shown once an order to be paid by transfer exists. */
    private String transferInstructions;
    private boolean busy;
    private int polls;

    CheckoutView(HTMLDocument document, Texts texts, ApiClient api, Runnable showKeys) {
        this.document = document;
        this.texts = texts;
        this.api = api;
        this.showKeys = showKeys;
    }

    /** Buying a new key on {@code plan} (or extending {@code extendKeyId} when not null). */
    void open(String title, String plan, String extendKeyId) {
        this.kind = extendKeyId == null ? "NEW_KEY" : "EXTEND_KEY";
        this.planId = extendKeyId == null ? plan : null;
        this.keyId = extendKeyId;
        render(title, false);
    }

    /** Topping up the balance by card: an amount in roubles instead of a plan. */
    void openTopUp() {
        this.kind = "TOP_UP";
        render(texts.topUp(), true);
    }

    private void render(String title, boolean topUp) {
        consent = null;
        HTMLElement root = document.getElementById("checkout");
        root.setInnerHTML("");
        root.appendChild(element("h2", "checkout-title", title));
        if (topUp) {
            HTMLElement amountRow = element("div", "promo-row", null);
            HTMLInputElement amount = (HTMLInputElement) document.createElement("input");
            amount.setId("topup-amount");
            amount.setAttribute("inputmode", "decimal");
            amount.setAttribute("placeholder", texts.topUpPlaceholder());
            amount.addEventListener("input", e -> quote());
            amountRow.appendChild(amount);
            root.appendChild(amountRow);
        }
        HTMLElement promoRow = element("div", "promo-row", null);
        HTMLInputElement promo = (HTMLInputElement) document.createElement("input");
        promo.setId("promo-input");
        promo.setAttribute("placeholder", texts.promoPlaceholder());
        promo.setAttribute("maxlength", "64");
        HTMLElement apply = element("button", "secondary-button", texts.applyPromo());
        apply.setId("promo-apply");
        apply.addEventListener("click", e -> quote());
        promoRow.appendChild(promo);
        promoRow.appendChild(apply);
        root.appendChild(promoRow);
        HTMLElement methods = element("div", "methods", null);
        methods.setId("methods");
        root.appendChild(methods);
        // "Save the card for auto-renewal": shown for card payments of keys when the server offers it, with its words.
        HTMLElement saveCard = element("label", "auto-renew save-card", null);
        saveCard.setId("save-card");
        saveCard.setAttribute("hidden", "");
        HTMLElement saveToggle = element("input", null, null);
        saveToggle.setId("save-card-toggle");
        saveToggle.setAttribute("type", "checkbox");
        saveCard.appendChild(saveToggle);
        HTMLElement saveWords = element("span", "hint", null);
        saveWords.setId("save-card-consent");
        saveCard.appendChild(saveWords);
        root.appendChild(saveCard);
        HTMLElement quote = element("div", "quote", null);
        quote.setId("quote");
        root.appendChild(quote);
        HTMLElement error = element("p", "checkout-error", null);
        error.setId("checkout-error");
        root.appendChild(error);
        HTMLElement pay = element("button", "pay-button", texts.pay());
        pay.setId("pay");
        pay.setAttribute("disabled", "");
        pay.addEventListener("click", e -> pay());
        root.appendChild(pay);
        TelegramWebApp.mainButtonFor(pay);
        HTMLElement result = element("p", "checkout-result", null);
        result.setId("checkout-result");
        root.appendChild(result);
        // Only the methods the server says can pay for this purchase (priced in their currency; top-ups by card).
        String purchase = "?kind=" + kind + (planId != null ? "&planId=" + planId : "")
                + (keyId != null ? "&keyId=" + keyId : "");
        api.get("/me/payment-methods" + purchase, list -> renderMethods(Dom.array(list)), this::failed);
    }

    private void renderMethods(JSArray<JSObject> list) {
        HTMLElement methods = document.getElementById("methods");
        if (list.getLength() == 0) {
            failedText(texts.noPaymentMethods());
            return;
        }
        for (int i = 0; i < list.getLength(); i++) {
            String value = Json.text(list.get(i), "method");
            if ("YOOKASSA".equals(value)) {
                consent = Json.text(list.get(i), "saveCardConsent");
            }
            if ("BANK_TRANSFER".equals(value)) {
                transferInstructions = Json.text(list.get(i), "instructions");
            }
            HTMLElement option = element("button", "method-option", texts.methodName(value));
            option.setAttribute("data-method", value);
            option.addEventListener("click", e -> choose(value));
            methods.appendChild(option);
        }
        choose(Json.text(list.get(0), "method"));
    }

    private void choose(String value) {
        method = value;
        var options = document.querySelectorAll(".method-option");
        for (int i = 0; i < options.getLength(); i++) {
            HTMLElement option = (HTMLElement) options.get(i);
            option.setClassName(value.equals(option.getAttribute("data-method")) ? "method-option selected"
                    : "method-option");
        }
        HTMLElement saveCard = document.getElementById("save-card");
        if ("YOOKASSA".equals(value) && consent != null) {
            document.getElementById("save-card-consent").setTextContent(consent);
            saveCard.removeAttribute("hidden");
        } else {
            saveCard.setAttribute("hidden", "");
        }
        quote();
    }

    /** Whether "save the card" is offered here and ticked. */
    private boolean savingCard() {
        return "YOOKASSA".equals(method) && consent != null
                && checkedBox(document.getElementById("save-card-toggle"));
    }

    @JSBody(params = "input", script = "return !!input.checked;")
    private static native boolean checkedBox(HTMLElement input);

    private String promoCode() {
        return ((HTMLInputElement) document.getElementById("promo-input")).getValue().trim();
    }

    private void quote() {
        if (method == null) {
            return;
        }
        if ("TOP_UP".equals(kind)) {
            String typed = ((HTMLInputElement) document.getElementById("topup-amount")).getValue();
            Long kopecks = PriceFormat.parseRoubles(typed);
            if (kopecks == null) {
                failedText(typed.isBlank() ? "" : texts.topUpPlaceholder());
                document.getElementById("pay").setAttribute("disabled", "");
                return;
            }
            amountMinor = Long.toString(kopecks);
        }
        failedText("");
        // Pay stays usable while the quote refreshes: a tap that blurs the input must not be swallowed.
        api.post("/quotes", Json.purchase(kind, planId, keyId, amountMinor, method, promoCode()), q -> {
            HTMLElement box = document.getElementById("quote");
            box.setInnerHTML("");
            String currency = Json.text(q, "currency");
            long base = Json.longOf(q, "baseMinor");
            long promo = Json.longOf(q, "promoDiscountMinor");
            long referral = Json.longOf(q, "referralDiscountMinor");
            if (promo > 0 || referral > 0) {
                box.appendChild(element("div", "quote-line", texts.basePrice() + ": " + PriceFormat.format(base, currency)));
            }
            if (promo > 0) {
                box.appendChild(element("div", "quote-line", texts.promoDiscount() + ": −" + PriceFormat.format(promo, currency)));
            }
            if (referral > 0) {
                box.appendChild(element("div", "quote-line", texts.referralDiscount() + ": −"
                        + PriceFormat.format(referral, currency)));
            }
            long days = Json.longOf(q, "bonusDays");
            if (days > 0) {
                box.appendChild(element("div", "quote-line", texts.bonusDays((int) days)));
            }
            HTMLElement total = element("div", "quote-total", texts.total() + ": "
                    + PriceFormat.format(Json.longOf(q, "amountMinor"), currency));
            total.setId("quote-amount");
            box.appendChild(total);
            if (!busy) {
                document.getElementById("pay").removeAttribute("disabled");
            }
        }, failure -> {
            document.getElementById("pay").setAttribute("disabled", "");
            failed(failure);
        });
    }

    private void pay() {
        if (busy) {
            return;
        }
        busy = true;
        document.getElementById("pay").setAttribute("disabled", "");
        failedText("");
        boolean saveCard = savingCard();
        String request = method + "|" + promoCode() + "|" + amountMinor + "|" + saveCard;
        if (!request.equals(keyFor)) {
            idempotencyKey = Json.randomKey();
            keyFor = request;
        }
        api.post("/orders", Json.purchase(kind, planId, keyId, amountMinor, method, promoCode(), saveCard),
                idempotencyKey, order -> {
            String status = Json.text(order, "status");
            JSObject payment = Json.child(order, "payment");
            String url = payment == null ? null : Json.text(payment, "confirmationUrl");
            String orderId = Json.text(order, "id");
            if ("PAID".equals(status) || "FULFILLED".equals(status)) {
                succeeded();
            } else if ("BANK_TRANSFER".equals(method)) {
                // The shop's bank details and the order to name in the transfer; an admin confirms it later.
                HTMLElement details = element("p", "transfer-instructions", transferInstructions + "\n\n"
                        + texts.transferOrder(orderId, PriceFormat.format(Json.longOf(order, "amountMinor"),
                        Json.text(order, "currency"))));
                details.setId("transfer-instructions");
                HTMLElement result = document.getElementById("checkout-result");
                result.setTextContent("");
                result.appendChild(details);
                result.setAttribute("data-state", "transfer");
            } else if ("STARS".equals(method) && url != null && TelegramWebApp.canOpenInvoice()) {
                TelegramWebApp.openInvoice(url, outcome -> {
                    if ("paid".equals(outcome) || "pending".equals(outcome)) {
                        waitFor(orderId);
                    } else {
                        busy = false;
                        document.getElementById("pay").removeAttribute("disabled");
                        failedText(texts.paymentNotCompleted());
                    }
                });
            } else if (url != null) {
                TelegramWebApp.openLink(url);
                waitFor(orderId);
            } else {
                waitFor(orderId);
            }
        }, failure -> {
            busy = false;
            document.getElementById("pay").removeAttribute("disabled");
            failed(failure);
        });
    }

    /** Polls the order until it is paid (the provider's webhook arrived) or given up on. */
    private void waitFor(String orderId) {
        document.getElementById("checkout-result").setTextContent(texts.waitingForPayment());
        polls = 0;
        poll(orderId);
    }

    private void poll(String orderId) {
        api.get("/orders/" + orderId, order -> {
            String status = Json.text(order, "status");
            if ("PAID".equals(status) || "FULFILLED".equals(status)) {
                succeeded();
            } else if ("OPEN".equals(status) && ++polls < POLL_LIMIT) {
                TelegramWebApp.later(ignored -> poll(orderId), POLL_MILLIS);
            } else {
                busy = false;
                document.getElementById("checkout-result").setTextContent("");
                failedText(texts.paymentNotCompleted());
            }
        }, failure -> TelegramWebApp.later(ignored -> poll(orderId), POLL_MILLIS));
    }

    private void succeeded() {
        TelegramWebApp.notify("success");
        HTMLElement result = document.getElementById("checkout-result");
        boolean topUp = "TOP_UP".equals(kind);
        result.setTextContent(topUp ? texts.toppedUp() : texts.paymentSucceeded());
        result.setAttribute("data-state", "paid");
        HTMLElement toKeys = element("button", "secondary-button", topUp ? texts.tabBalance() : texts.tabKeys());
        toKeys.setId("to-keys");
        toKeys.addEventListener("click", e -> showKeys.run());
        result.appendChild(toKeys);
    }

    private void failed(ApiClient.Failure failure) {
        TelegramWebApp.notify("error");
        if (Gates.offer(document, texts, api, document.getElementById("checkout-error"), failure, this::pay)) {
            return;
        }
        failedText(failure.status() == 0 ? texts.networkError()
                : failure.detail() != null ? failure.detail() : texts.networkError());
    }

    private void failedText(String text) {
        document.getElementById("checkout-error").setTextContent(text);
    }


    private HTMLElement element(String tag, String cssClass, String text) {
        HTMLElement element = Dom.element(document, tag, cssClass, text);
        if ("button".equals(tag)) {
            element.setAttribute("type", "button");
        }
        return element;
    }
}
