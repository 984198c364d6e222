package dev.darkmaximus.miniapp;

import java.util.function.Consumer;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Support: the conversation of the open ticket (or the latest), a box to write, and closing the ticket after a
 * confirmation. Operators answer from their forum or the admin UI; their replies show here and in the bot.
 */
final class SupportView {

    private final HTMLDocument document;
    private final Texts texts;
    private final ApiClient api;
    private final Consumer<ApiClient.Failure> failed;

    SupportView(HTMLDocument document, Texts texts, ApiClient api, Consumer<ApiClient.Failure> failed) {
        this.document = document;
        this.texts = texts;
        this.api = api;
        this.failed = failed;
    }

    void render(Runnable done) {
        api.get("/me/tickets?limit=1", tickets -> {
            JSArray<JSObject> list = Dom.array(tickets);
            show(list.getLength() == 0 ? null : list.get(0));
            done.run();
        }, failed::accept);
    }

    private void show(JSObject ticket) {
        HTMLElement root = document.getElementById("support");
        root.setInnerHTML("");
        boolean open = ticket != null && !"CLOSED".equals(Json.text(ticket, "status"));
        root.appendChild(element("p", "hint", open ? texts.supportOpen(Json.text(ticket, "id")) : texts.supportNew()));
        HTMLElement conversation = element("div", "conversation", null);
        conversation.setId("conversation");
        if (ticket != null) {
            JSArray<JSObject> messages = Dom.array(Json.child(ticket, "messages"));
            for (int i = 0; i < messages.getLength(); i++) {
                JSObject message = messages.get(i);
                boolean mine = "CUSTOMER".equals(Json.text(message, "author"));
                HTMLElement bubble = element("div", mine ? "bubble mine" : "bubble theirs",
                        Json.text(message, "text") == null ? "📎" : Json.text(message, "text"));
                conversation.appendChild(bubble);
            }
        }
        root.appendChild(conversation);
        HTMLElement box = element("textarea", "support-input", null);
        box.setId("support-text");
        box.setAttribute("rows", "3");
        box.setAttribute("maxlength", "4000");
        box.setAttribute("placeholder", texts.supportPlaceholder());
        root.appendChild(box);
        HTMLElement send = element("button", "pay-button", texts.supportSend());
        send.setId("support-send");
        send.setAttribute("type", "button");
        send.addEventListener("click", e -> {
            String text = value(box).strip();
            if (text.isEmpty()) {
                return;
            }
            send.setAttribute("disabled", "");
            api.post("/me/tickets/messages", message(text), updated -> {
                TelegramWebApp.notify("success");
                show(updated);
            }, failure -> {
                send.removeAttribute("disabled");
                TelegramWebApp.notify("error");
                failed.accept(failure);
            });
        });
        root.appendChild(send);
        if (open) {
            String id = Json.text(ticket, "id");
            HTMLElement close = element("button", "secondary-button", texts.supportClose());
            close.setId("support-close");
            close.setAttribute("type", "button");
            close.addEventListener("click", e -> TelegramWebApp.confirm(texts.supportCloseConfirm(), yes -> {
                if ("yes".equals(yes)) {
                    api.post("/me/tickets/" + id + "/close", "{}", this::show, failed::accept);
                }
            }));
            root.appendChild(close);
        }
    }

    private HTMLElement element(String tag, String cssClass, String text) {
        return Dom.element(document, tag, cssClass, text);
    }


    @JSBody(params = "text", script = "return JSON.stringify({text: text});")
    private static native String message(String text);

    @JSBody(params = "element", script = "return element.value || '';")
    private static native String value(HTMLElement element);
}
