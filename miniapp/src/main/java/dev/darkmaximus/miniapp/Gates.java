package dev.darkmaximus.miniapp;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The shop's entry conditions as the API states them (403 {@code terms_not_accepted} / {@code channel_required}):
 * the customer reads and accepts the terms, or joins the channel, right where the purchase or trial was refused, and
 * the same action then runs again.
 */
final class Gates {

    private Gates() {
    }

    /** Shows what to do in {@code into} when the failure is a gate; false (nothing shown) for any other failure. */
    static boolean offer(HTMLDocument document, Texts texts, ApiClient api, HTMLElement into,
                         ApiClient.Failure failure, Runnable again) {
        boolean terms = "terms_not_accepted".equals(failure.code());
        if (!terms && !"channel_required".equals(failure.code())) {
            return false;
        }
        into.setInnerHTML("");
        HTMLElement panel = Dom.element(document, "div", "gate", null);
        panel.setAttribute("data-gate", terms ? "terms" : "channel");
        panel.appendChild(Dom.element(document, "p", "gate-text", terms ? texts.termsNeeded() : texts.channelNeeded()));
        if (failure.link() != null) {
            HTMLElement open = button(document, "gate-open", terms ? texts.readTerms() : texts.openChannel());
            open.addEventListener("click", e -> {
                if (terms) {
                    TelegramWebApp.openLink(failure.link());
                } else {
                    TelegramWebApp.openTelegramLink(failure.link());
                }
            });
            panel.appendChild(open);
        }
        HTMLElement done = button(document, "gate-done", terms ? texts.acceptTerms() : texts.joinedChannel());
        done.setId(terms ? "gate-accept" : "gate-joined");
        done.addEventListener("click", e -> {
            done.setAttribute("disabled", "");
            if (terms) {
                api.post("/me/terms", "", accepted -> again.run(), refused -> {
                    done.removeAttribute("disabled");
                    TelegramWebApp.notify("error");
                });
            } else {
                again.run();
            }
        });
        panel.appendChild(done);
        into.appendChild(panel);
        return true;
    }

    private static HTMLElement button(HTMLDocument document, String cssClass, String text) {
        HTMLElement button = Dom.element(document, "button", cssClass, text);
        button.setAttribute("type", "button");
        return button;
    }
}
