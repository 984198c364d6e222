package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

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

    /**
     * Tells Telegram the app is ready (hides its loader) and takes the full height; Telegram's header and the page
     * share the page's colour, so the app reads as one of Telegram's own screens.
     */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w) return; w.ready(); w.expand();"
            + " if (w.setHeaderColor) { w.setHeaderColor('secondary_bg_color'); }"
            + " if (w.setBackgroundColor) { w.setBackgroundColor('secondary_bg_color'); }"
            + " if (w.setBottomBarColor) { w.setBottomBarColor('bg_color'); }")
    static native void ready();

    /**
     * Copies the theme into CSS variables. Telegram's script does this too, but only once it has the theme; doing it
     * here keeps the first paint in the user's colours.
     */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w || !w.themeParams) return;"
            + " var s = document.documentElement.style;"
            + " for (var k in w.themeParams) { s.setProperty('--tg-theme-' + k.replace(/_/g, '-'), w.themeParams[k]); }")
    static native void applyTheme();

    /** Re-applies the theme whenever Telegram switches it (light/dark or a new palette) while the app is open. */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w || !w.onEvent) return;"
            + " w.onEvent('themeChanged', function () { var s = document.documentElement.style;"
            + " for (var k in w.themeParams) { s.setProperty('--tg-theme-' + k.replace(/_/g, '-'), w.themeParams[k]); }"
            + " document.documentElement.setAttribute('data-scheme', w.colorScheme || 'light'); });"
            + " document.documentElement.setAttribute('data-scheme', w.colorScheme || 'light');")
    static native void followTheme();

    /** Shows Telegram's back button (top left) and sends its taps to {@code back}; outside Telegram, nothing. */
    @JSBody(params = "back", script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (!w || !w.BackButton) return; if (window.dmBack) { w.BackButton.offClick(window.dmBack); }"
            + " window.dmBack = function () { back(''); }; w.BackButton.onClick(window.dmBack); w.BackButton.show();")
    static native void showBack(StatusCallback back);

    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w || !w.BackButton) return;"
            + " if (window.dmBack) { w.BackButton.offClick(window.dmBack); window.dmBack = null; } w.BackButton.hide();")
    static native void hideBack();

    /**
     * Asks a yes/no question: Telegram's native confirm inside Telegram, the browser's outside; {@code answer} gets
     * "yes" or "no".
     */
    @JSBody(params = {"message", "answer"}, script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.showConfirm && w.initData) { w.showConfirm(message, function (ok) { answer(ok ? 'yes' : 'no'); }); }"
            + " else { answer(window.confirm(message) ? 'yes' : 'no'); }")
    static native void confirm(String message, StatusCallback answer);

    /** Opens a t.me link (a channel) inside Telegram, or in a new tab outside it. */
    @JSBody(params = "url", script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.openTelegramLink && w.initData && url.indexOf('https://t.me/') === 0) {"
            + " w.openTelegramLink(url); } else { window.open(url, '_blank'); }")
    static native void openTelegramLink(String url);

    /** Shares the referral link: Telegram's share sheet inside Telegram, the system one or the clipboard outside. */
    @JSBody(params = {"link", "text"}, script = "var u = 'https://t.me/share/url?url=' + encodeURIComponent(link)"
            + " + '&text=' + encodeURIComponent(text); var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.openTelegramLink && w.initData) { w.openTelegramLink(u); }"
            + " else if (navigator.share) { navigator.share({url: link, text: text}).catch(function () {}); }"
            + " else if (navigator.clipboard) { navigator.clipboard.writeText(link).catch(function () {}); }")
    static native void share(String link, String text);

    /**
     * Inside Telegram the primary action is Telegram's own MainButton: it mirrors {@code button} (text, enabled) and
     * taps it; the in-page button is hidden there. Outside Telegram nothing changes.
     */
    @JSBody(params = "button", script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (!w || !w.MainButton || !w.initData) return; var mb = w.MainButton;"
            + " if (window.dmMain) { mb.offClick(window.dmMain); }"
            + " if (window.dmMainObserver) { window.dmMainObserver.disconnect(); }"
            + " window.dmMain = function () { if (!button.disabled) { button.click(); } }; mb.onClick(window.dmMain);"
            + " button.classList.add('telegram-main');"
            + " var sync = function () { mb.setText(button.textContent);"
            + " if (button.disabled) { mb.disable(); } else { mb.enable(); } };"
            + " window.dmMainObserver = new MutationObserver(sync);"
            + " window.dmMainObserver.observe(button, {attributes: true, childList: true, characterData: true, subtree: true});"
            + " sync(); mb.show();")
    static native void mainButtonFor(JSObject button);

    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; if (!w || !w.MainButton) return;"
            + " if (window.dmMain) { w.MainButton.offClick(window.dmMain); window.dmMain = null; }"
            + " if (window.dmMainObserver) { window.dmMainObserver.disconnect(); window.dmMainObserver = null; }"
            + " w.MainButton.hide();")
    static native void hideMainButton();

    /** Starts the app again (after the language changed, every text is chosen anew). */
    @JSBody(script = "window.location.reload();")
    static native void reloadInLanguage();

    /** Calls {@code changed} with "online" or "offline" when the connection comes and goes. */
    @JSBody(params = "changed", script = "window.addEventListener('online', function () { changed('online'); });"
            + " window.addEventListener('offline', function () { changed('offline'); });"
            + " if (navigator.onLine === false) { changed('offline'); }")
    static native void watchConnection(StatusCallback changed);

    /** Copies text to the clipboard (Telegram's WebView allows it on a tap), with a textarea fallback. */
    @JSBody(params = "text", script = "if (navigator.clipboard && navigator.clipboard.writeText) {"
            + " navigator.clipboard.writeText(text).catch(function () {}); return; }"
            + " var t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select();"
            + " try { document.execCommand('copy'); } catch (e) {} document.body.removeChild(t);")
    static native void copy(String text);

    /** A light tap of feedback where Telegram supports it. */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.HapticFeedback) { w.HapticFeedback.impactOccurred('light'); }")
    static native void haptic();

    /** Loads an image that needs our bearer token (an img src can't send one) and shows it in {@code img}. */
    @JSBody(params = {"url", "token", "img"}, script = "fetch(url, {headers: {Authorization: 'Bearer ' + token}})"
            + ".then(function (r) { return r.ok ? r.blob() : null; })"
            + ".then(function (b) { if (b) { img.src = URL.createObjectURL(b); img.removeAttribute('hidden'); } })"
            + ".catch(function () {});")
    static native void loadImage(String url, String token, JSObject img);

    /**
     * Opens where the customer pays: a Telegram link (CryptoBot's invoice) inside Telegram itself, a web page
     * (YooKassa's) in Telegram's browser; outside Telegram, in a new tab.
     */
    @JSBody(params = "url", script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.initData && w.openTelegramLink && url.indexOf('https://t.me/') === 0) {"
            + " w.openTelegramLink(url); }"
            + " else if (w && w.openLink && w.initData) { w.openLink(url); } else { window.open(url, '_blank'); }")
    static native void openLink(String url);

    /** Whether Telegram can show a Stars invoice here. */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; return !!(w && w.openInvoice && w.initData);")
    static native boolean canOpenInvoice();

    /** Shows a Stars invoice; {@code done} gets Telegram's status: paid, cancelled, failed or pending. */
    @JSBody(params = {"url", "done"}, script = "window.Telegram.WebApp.openInvoice(url, function (s) { done(s); });")
    static native void openInvoice(String url, StatusCallback done);

    @JSBody(params = "kind", script = "var w = window.Telegram && window.Telegram.WebApp;"
            + " if (w && w.HapticFeedback) { w.HapticFeedback.notificationOccurred(kind); }")
    static native void notify(String kind);

    @JSBody(params = {"callback", "millis"}, script = "setTimeout(function () { callback(''); }, millis);")
    static native void later(StatusCallback callback, int millis);

    /** A JS callback with one string. */
    @JSFunctor
    interface StatusCallback extends JSObject {
        void call(String status);
    }
}
