package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Entry point (window.main): sign in with Telegram's initData — or, outside Telegram, with the backend's dev login
 * when it runs in the dev profile — then show the catalog.
 */
public final class MiniApp {

    private final HTMLDocument document = Window.current().getDocument();
    private final ApiClient api = new ApiClient(apiBase());
    private Texts texts;
    private boolean trialAvailable;
    /** What the current screen loads: "Try again" after an error runs it once more. */
    private Runnable current = () -> { };
    private JSObject prefetchedHosts;
    private boolean profileShown;

    public static void main(String[] args) {
        new MiniApp().start();
    }

    private void start() {
        TelegramWebApp.applyTheme();
        TelegramWebApp.followTheme();
        TelegramWebApp.ready();
        texts = new Texts(language(TelegramWebApp.userLanguage()));
        document.getElementById("retry").addEventListener("click", e -> current.run());
        TelegramWebApp.watchConnection(state -> {
            HTMLElement notice = document.getElementById("offline");
            notice.setTextContent(texts.offline());
            hidden(notice, !"offline".equals(state));
        });
        status(texts.loading());
        String initData = TelegramWebApp.initData();
        if (!initData.isEmpty()) {
            api.post("/auth/telegram", Json.telegramLogin(initData), this::signedIn, this::failed);
        } else {
            api.post("/auth/dev", Json.devLogin(devUser(), queryParameter("lang", "en")), this::signedIn,
                    failure -> failed(failure.status() == 404
                            ? new ApiClient.Failure(404, "not_in_telegram", texts.openFromTelegram(), null) : failure));
        }
    }

    private void signedIn(JSObject tokenJson) {
        api.useToken(((Json.Token) tokenJson).getAccessToken());
        boolean catalogFirst = "catalog".equals(queryParameter("tab", "catalog"));
        if (catalogFirst) {
            // Asked for alongside the profile, not after it: one round trip less before the first plans show.
            api.get("/catalog/hosts", hosts -> {
                prefetchedHosts = hosts;
                if (profileShown) {
                    renderCatalog(hosts);
                }
            }, this::failed);
        }
        api.get("/me", me -> {
            Json.Me profile = (Json.Me) me;
            texts = new Texts(language(profile.getLanguage()));
            trialAvailable = profile.getTrialAvailable(); // the server decides whether the trial is on offer
            String name = profile.getFirstName() == null ? "" : profile.getFirstName();
            document.getElementById("greeting").setTextContent(texts.greeting(name));
            setUpTabs();
            if ("keys".equals(queryParameter("tab", "catalog"))) {
                showKeys();
            } else if ("balance".equals(queryParameter("tab", "catalog"))) {
                showBalance();
            } else if ("support".equals(queryParameter("tab", "catalog"))) {
                showSupport();
            } else {
                current = this::loadCatalog;
                select("catalog");
                profileShown = true;
                if (prefetchedHosts == null) {
                    skeleton("catalog");
                }
                if (prefetchedHosts != null) {
                    renderCatalog(prefetchedHosts);
                }
            }
        }, this::failed);
    }

    /** Grey placeholder cards where a list is about to appear, so the screen keeps its shape while loading. */
    private void skeleton(String sectionId) {
        document.getElementById(sectionId).setInnerHTML(
                "<div class=\"skeleton\"></div><div class=\"skeleton\"></div><div class=\"skeleton\"></div>");
    }

    private void renderCatalog(JSObject hosts) {
        status("");
        new CatalogView(document, texts, this::checkout).render(Dom.<Json.Host>array(hosts));
    }

    private void loadCatalog() {
        current = this::loadCatalog;
        select("catalog");
        skeleton("catalog");
        api.get("/catalog/hosts", this::renderCatalog, this::failed);
    }

    private void checkout(String planId, String planName) {
        select("checkout");
        backTo(this::loadCatalog);
        new CheckoutView(document, texts, api, this::showKeys).open(planName, planId, null);
    }

    private void extend(String keyId, String keyTitle) {
        select("checkout");
        backTo(this::showKeys);
        new CheckoutView(document, texts, api, this::showKeys).open(texts.extend() + " " + keyTitle, null, keyId);
    }

    private void showBalance() {
        current = this::showBalance;
        select("balance");
        skeleton("balance");
        status(texts.loading());
        new BalanceView(document, texts, api, () -> {
            select("checkout");
            backTo(this::showBalance);
            new CheckoutView(document, texts, api, this::showBalance).openTopUp();
        }).render(() -> status(""), this::failed);
    }

    private void showSupport() {
        current = this::showSupport;
        select("support");
        status(texts.loading());
        new SupportView(document, texts, api, this::failed).render(() -> status(""));
    }

    private void setUpTabs() {
        HTMLElement supportTab = document.getElementById("tab-support");
        document.getElementById("tab-support-label").setTextContent(texts.tabSupport());
        supportTab.addEventListener("click", e -> showSupport());
        HTMLElement catalogTab = document.getElementById("tab-catalog");
        HTMLElement keysTab = document.getElementById("tab-keys");
        HTMLElement balanceTab = document.getElementById("tab-balance");
        document.getElementById("tab-catalog-label").setTextContent(texts.tabCatalog());
        document.getElementById("tab-keys-label").setTextContent(texts.tabKeys());
        document.getElementById("tab-balance-label").setTextContent(texts.tabBalance());
        balanceTab.addEventListener("click", e -> showBalance());
        document.getElementById("tabs").removeAttribute("hidden");
        catalogTab.addEventListener("click", e -> {
            select("catalog");
            loadCatalog();
        });
        keysTab.addEventListener("click", e -> showKeys());
    }

    /** Telegram's back button leads from a sub-screen (checkout) to where the customer came from. */
    private void backTo(Runnable previous) {
        TelegramWebApp.showBack(ignored -> previous.run());
    }

    private void select(String tab) {
        if (!"checkout".equals(tab)) {
            TelegramWebApp.hideBack();
            TelegramWebApp.hideMainButton();
            // A large title per tab, as Telegram's own screens have; the greeting belongs to the storefront only.
            document.getElementById("title").setTextContent(title(tab));
            hidden(document.getElementById("greeting"), !"catalog".equals(tab));
        }
        hidden(document.getElementById("error"), true);
        hidden(document.getElementById("retry"), true);
        hidden(document.getElementById("catalog"), !"catalog".equals(tab));
        hidden(document.getElementById("keys"), !"keys".equals(tab));
        hidden(document.getElementById("checkout"), !"checkout".equals(tab));
        hidden(document.getElementById("balance"), !"balance".equals(tab));
        hidden(document.getElementById("support"), !"support".equals(tab));
        document.getElementById("tab-support").setClassName("support".equals(tab) ? "tab active" : "tab");
        document.getElementById("tab-balance").setClassName("balance".equals(tab) ? "tab active" : "tab");
        document.getElementById("tab-catalog").setClassName("catalog".equals(tab) ? "tab active" : "tab");
        document.getElementById("tab-keys").setClassName("keys".equals(tab) ? "tab active" : "tab");
    }

    private String title(String tab) {
        return switch (tab) {
            case "keys" -> texts.tabKeys();
            case "balance" -> texts.tabBalance();
            case "support" -> texts.tabSupport();
            default -> texts.tabCatalog();
        };
    }

    private static void hidden(HTMLElement element, boolean hide) {
        if (hide) {
            element.setAttribute("hidden", "");
        } else {
            element.removeAttribute("hidden");
        }
    }

    private void showKeys() {
        current = this::showKeys;
        select("keys");
        skeleton("keys");
        status(texts.loading());
        api.get("/me/keys", keys -> {
            status("");
            new KeysView(document, texts, api, this::afterTrial, this::extend).render(Dom.<Json.Key>array(keys), trialAvailable,
                    Long.parseLong(Json.nowText()));
        }, this::failed);
    }

    private void afterTrial() {
        trialAvailable = false;
        showKeys();
    }



    private void failed(ApiClient.Failure failure) {
        status("");
        clearSkeletons();
        HTMLElement error = document.getElementById("error");
        String message = failure.status() == 0 ? texts.networkError()
                : failure.detail() != null ? failure.detail() : texts.networkError();
        error.setTextContent(message);
        error.setAttribute("data-code", failure.code() == null ? "unknown" : failure.code());
        error.removeAttribute("hidden");
        HTMLElement retry = document.getElementById("retry");
        retry.setTextContent(texts.retry());
        retry.removeAttribute("hidden");
        TelegramWebApp.notify("error");
    }

    private void status(String text) {
        document.getElementById("status").setTextContent(text);
    }

    private static String language(String code) {
        return code != null && (code.startsWith("ru") || code.startsWith("uk") || code.startsWith("be")) ? "ru" : "en";
    }

    private static String devUser() {
        String id = queryParameter("devUser", "1");
        return id.matches("\\d{1,15}") ? id : "1";
    }

    private static String queryParameter(String name, String fallback) {
        String search = Window.current().getLocation().getSearch();
        if (search == null || search.length() < 2) {
            return fallback;
        }
        for (String pair : search.substring(1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return fallback;
    }

    /** The API next to the page, unless index.html names another origin (the app deployed to a CDN). */
    private static String apiBase() {
        String configured = metaContent("dm-api-base").strip();
        return configured.isEmpty() ? "../api/v1" : configured.replaceAll("/+$", "") + "/api/v1";
    }

    @JSBody(params = "name", script = "var m = document.querySelector('meta[name=\"' + name + '\"]');"
            + " return (m && m.getAttribute('content')) || '';")
    private static native String metaContent(String name);

    @JSBody(script = "document.querySelectorAll('.skeleton').forEach(function (e) { e.remove(); });")
    private static native void clearSkeletons();
}
