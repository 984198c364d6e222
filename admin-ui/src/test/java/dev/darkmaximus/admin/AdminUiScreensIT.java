package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

/**
 * Every screen in both languages on a desktop (1280 px) and a phone (390 px), shot once what it shows has arrived.
 * On the phone nothing runs off the right edge: neither the page nor the lists that keep only their main columns.
 */
class AdminUiScreensIT extends AdminUiTest {

    /** Each screen's address and what shows it has loaded. */
    private static final Map<String, String> SCREENS = screens();
    /** Lists that show only their main columns on a phone. */
    private static final Set<String> PHONE_LISTS = Set.of("customers", "keys", "hosts");

    @Test
    void everyScreenInBothLanguagesOnADesktopAndAPhone() {
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            for (String language : List.of("en", "ru")) {
                for (int width : new int[] {1280, 390}) {
                    boolean phone = width < 600;
                    Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD,
                            "ru".equals(language) ? "ru-RU" : "en-US", width, phone ? 844 : 900);
                    assertThat(page.locator("#sign-out")).hasText("ru".equals(language) ? "Выйти" : "Sign out");
                    for (Map.Entry<String, String> screen : SCREENS.entrySet()) {
                        String name = "screen-" + (screen.getKey().isEmpty() ? "dashboard" : screen.getKey()) + "-"
                                + language + "-" + (phone ? "phone" : "desktop");
                        Browsers.open(page, url("/" + screen.getKey()), screen.getValue() + ":not([loading])", name);
                        if (phone) {
                            assertThat(((Number) page.evaluate("() => document.scrollingElement.scrollWidth"
                                    + " - window.innerWidth")).intValue()).as(name + ": page wider than the phone")
                                    .isLessThanOrEqualTo(0);
                        }
                        if (phone && PHONE_LISTS.contains(screen.getKey())) {
                            page.waitForFunction("id => { const t = document.getElementById(id).shadowRoot"
                                    + ".querySelector('#table'); return t && t.scrollWidth <= t.clientWidth + 1; }",
                                    screen.getValue().substring(1));
                        }
                        Browsers.screenshot(page, name);
                    }
                    page.close();
                }
            }
        }
    }

    private static Map<String, String> screens() {
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("", "#dashboard");
        screens.put("customers", "#customers-grid");
        screens.put("support", "#tickets-grid");
        screens.put("keys", "#keys-grid");
        screens.put("transactions", "#payments-grid");
        screens.put("promo-codes", "#promo-grid");
        screens.put("withdrawals", "#withdrawals-grid");
        screens.put("broadcasts", "#broadcasts-grid");
        screens.put("templates", "#templates-grid");
        screens.put("hosts", "#hosts-grid");
        screens.put("plans", "#plans-grid");
        screens.put("outbox", "#dead-letters");
        screens.put("settings", "#settings-save");
        screens.put("staff", "#staff-grid");
        screens.put("api-keys", "#api-keys-grid");
        screens.put("webhooks", "#webhooks-grid");
        screens.put("audit", "#audit-grid");
        screens.put("import", "#import-upload");
        screens.put("account", "#account-title");
        return screens;
    }
}
