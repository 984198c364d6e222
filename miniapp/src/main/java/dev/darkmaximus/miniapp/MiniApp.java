package dev.darkmaximus.miniapp;

import org.teavm.jso.browser.Window;

public final class MiniApp {
    public static void main(String[] args) {
        Window.current().getDocument().getBody().setTextContent("hello");
    }
}
