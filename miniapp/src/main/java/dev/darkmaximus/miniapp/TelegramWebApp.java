package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;

/**
 * The bits of window.Telegram.WebApp we use. Every call tolerates the bridge being absent (a plain browser, or the
 * script blocked), so the app still starts and can fall back to the dev login.
 */
final class TelegramWebApp {

    private TelegramWebApp() {
    }

    @JSBody(script = "return !!(window.Telegram && window.Telegram.WebApp);")
    static native boolean present();

    /** The signed launch data, or "" outside Telegram. */
    @JSBody(script = "return (window.Telegram && window.Telegram.WebApp && window.Telegram.WebApp.initData) || '';")
    static native String initData();

    @JSBody(script = "var u = window.Telegram && window.Telegram.WebApp && window.Telegram.WebApp.initDataUnsafe"
            + " && window.Telegram.WebApp.initDataUnsafe.user; return (u && u.language_code) || '';")
    static native String userLanguage();

    @JSBody(script = "var u = window.Telegram && window.Telegram.WebApp && window.Telegram.WebApp.initDataUnsafe"
            + " && window.Telegram.WebApp.initDataUnsafe.user; return (u && u.first_name) || '';")
    static native String userFirstName();

    /** Tells Telegram the app is ready (hides its loader) and takes the full height. */
    @JSBody(script = "if (window.Telegram && window.Telegram.WebApp) {"
            + " window.Telegram.WebApp.ready(); window.Telegram.WebApp.expand(); }")
    static native void ready();

    /**
     * Copies the theme into CSS variables. Telegram's script does this too, but only once it has the theme; doing it
     * here keeps the first paint in the user's colours.
     */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w || !w.themeParams) return;"
            + " var s = document.documentElement.style;"
            + " for (var k in w.themeParams) { s.setProperty('--tg-theme-' + k.replace(/_/g, '-'), w.themeParams[k]); }")
    static native void applyTheme();
}
