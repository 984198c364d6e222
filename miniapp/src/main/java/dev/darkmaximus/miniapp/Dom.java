package dev.darkmaximus.miniapp;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The few DOM and JSON shapes every screen builds with. */
final class Dom {

    private Dom() {
    }

    /** A new element with, unless null, a class and text (set as text, never parsed as HTML). */
    static HTMLElement element(HTMLDocument document, String tag, String cssClass, String text) {
        HTMLElement element = document.createElement(tag);
        if (cssClass != null) {
            element.setClassName(cssClass);
        }
        if (text != null) {
            element.setTextContent(text);
        }
        return element;
    }

    /** A JSON array from the API, typed as the caller expects (the API's contract, not checked here). */
    @SuppressWarnings("unchecked")
    static <T extends JSObject> JSArray<T> array(JSObject value) {
        return (JSArray<T>) value;
    }
}
