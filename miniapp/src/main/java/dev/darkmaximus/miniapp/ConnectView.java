package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * "Connect in one tap" on a key's card: the shop's apps for this device, each with its import button and where to
 * get it. Telegram opens only web links from a Mini App, so the button goes through the key's https page that
 * hands the app its link; without one (no public address) the app's own link is opened directly.
 */
final class ConnectView {

    private final HTMLDocument document;
    private final Texts texts;
    private final ApiClient api;

    ConnectView(HTMLDocument document, Texts texts, ApiClient api) {
        this.document = document;
        this.texts = texts;
        this.api = api;
    }

    /** A button that, tapped, loads the key's apps into the card below it. */
    HTMLElement button(long keyId) {
        HTMLElement box = Dom.element(document, "div", "connect", null);
        HTMLElement open = Dom.element(document, "button", "connect-button", texts.connect());
        open.setAttribute("type", "button");
        HTMLElement apps = Dom.element(document, "div", "connect-apps", null);
        open.addEventListener("click", e -> {
            open.setAttribute("disabled", "disabled");
            api.get("/me/keys/" + keyId + "/connect", answer -> {
                open.setAttribute("hidden", "");
                render(apps, Dom.<Json.ConnectApp>array(((Json.Connect) answer).getApps()));
            }, failure -> {
                open.removeAttribute("disabled");
                apps.setTextContent(failure.detail() == null ? texts.networkError() : failure.detail());
            });
        });
        box.appendChild(open);
        box.appendChild(apps);
        return box;
    }

    private void render(HTMLElement into, JSArray<Json.ConnectApp> all) {
        into.setInnerHTML("");
        String platform = platform();
        int shown = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Json.ConnectApp app = all.get(i);
            if (!platform.isEmpty() && !runsOn(app, platform)) {
                continue;
            }
            shown++;
            HTMLElement row = Dom.element(document, "div", "connect-app", null);
            row.setAttribute("data-app", app.getId());
            HTMLElement add = Dom.element(document, "button", "connect-add", texts.addTo(app.getName()));
            add.setAttribute("type", "button");
            String openUrl = app.getOpenUrl();
            String importLink = app.getImportLink();
            add.addEventListener("click", e -> {
                TelegramWebApp.haptic();
                if (openUrl != null) {
                    TelegramWebApp.openLink(openUrl);
                } else {
                    openDirectly(importLink);
                }
            });
            row.appendChild(add);
            String download = platform.isEmpty() ? null : downloadFor(app, platform);
            if (download != null) {
                HTMLElement get = Dom.element(document, "button", "connect-get", texts.getApp(app.getName()));
                get.setAttribute("type", "button");
                get.addEventListener("click", e -> TelegramWebApp.openLink(download));
                row.appendChild(get);
            }
            into.appendChild(row);
        }
        if (shown == 0) {
            into.appendChild(Dom.element(document, "p", "hint", texts.noApps()));
        } else {
            HTMLElement steps = Dom.element(document, "p", "hint connect-steps", texts.connectSteps(platform));
            into.appendChild(steps);
        }
    }

    /** This device as the shop's apps table names platforms; "" when it can't be told (then every app is shown). */
    @JSBody(script = "var w = window.Telegram && window.Telegram.WebApp; var p = (w && w.platform) || '';"
            + " if (p.indexOf('android') === 0) { return 'android'; } if (p === 'ios') { return 'ios'; }"
            + " if (p === 'macos') { return 'macos'; } var u = navigator.userAgent || '';"
            + " if (/Android/.test(u)) { return 'android'; } if (/iPhone|iPad|iPod/.test(u)) { return 'ios'; }"
            + " if (/Windows/.test(u)) { return 'windows'; } if (/Macintosh/.test(u)) { return 'macos'; }"
            + " if (/Linux|X11/.test(u)) { return 'linux'; } return '';")
    static native String platform();

    @JSBody(params = {"app", "platform"}, script = "return (app.platforms || []).indexOf(platform) >= 0;")
    private static native boolean runsOn(Json.ConnectApp app, String platform);

    @JSBody(params = {"app", "platform"}, script = "return (app.download && app.download[platform]) || null;")
    private static native String downloadFor(Json.ConnectApp app, String platform);

    @JSBody(params = "link", script = "window.location.href = link;")
    private static native void openDirectly(String link);
}
