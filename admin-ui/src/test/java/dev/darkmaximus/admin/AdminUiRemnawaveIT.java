package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

/**
 * A Remnawave host set up in the admin UI: its squads picked from the panel's own list (read live with the address
 * and token typed in), the connection check showing the panel's version and squad count, and a plan that puts its
 * keys in another squad. Desktop in English, phone in Russian.
 */
class AdminUiRemnawaveIT extends AdminUiTest {

    @Test
    void anAdminAddsARemnawaveHostFromItsSquadsAndAPlanInAnotherSquad() {
        String hostName = "RW " + System.nanoTime();
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD);
            page.navigate(url("/hosts"));
            page.locator("#add-host").click();
            page.locator("#host-panel-type").click();
            page.locator("vaadin-select-item[role=option]", new Page.LocatorOptions().setHasText("Remnawave")).click();
            assertThat(page.locator("#host-username")).isHidden(); // 3x-ui's sign-in has no place here
            page.locator("#host-name input").fill(hostName);
            page.locator("#host-base-url input").fill(ProviderStubs.remnawaveUrl());
            page.locator("#host-api-token input").fill(ProviderStubs.REMNAWAVE_TOKEN);
            page.locator("#host-forwarded input").check();
            page.locator("#save-host").click();
            assertThat(page.locator("vaadin-multi-select-combo-box#host-squads")).hasAttribute("invalid", "");

            page.locator("#load-squads").click();
            assertThat(page.locator("#host-squads")).containsText("The panel has 2 squads");
            page.locator("#host-squads input").click();
            page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText("Europe")).click();
            page.keyboard().press("Escape");
            Browsers.screenshot(page, "host-remnawave");
            page.locator("#save-host").click();
            assertThat(page.locator("#hosts-grid")).containsText(hostName);
            assertThat(page.locator("#hosts-grid")).containsText("Remnawave");
            assertThat(page.locator("#hosts-grid")).containsText("plain HTTP: API token in clear");
            Browsers.screenshot(page, "hosts-remnawave");

            page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(hostName)).click();
            assertThat(page.locator("#host-squads")).containsText("Europe");
            page.locator("#check-host").click();
            assertThat(page.locator("vaadin-notification-card").last())
                    .containsText("Connected: Remnawave 3.3.2, 2 squads.");
            Browsers.screenshot(page, "host-remnawave-checked");
            page.keyboard().press("Escape");

            page.navigate(url("/plans"));
            page.locator("#add-plan").click();
            page.locator("#plan-host").click();
            page.locator("vaadin-select-item[role=option]:visible", new Page.LocatorOptions().setHasText(hostName)).click();
            assertThat(page.locator("#plan-squads")).isVisible();
            page.locator("#plan-squads input").click();
            page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText("USA")).click();
            page.keyboard().press("Escape");
            page.locator("#plan-name-ru input").fill("США " + hostName);
            page.locator("#plan-name-en input").fill("USA " + hostName);
            page.locator("#plan-price-rub input").fill("249");
            Browsers.screenshot(page, "plan-remnawave-squads");
            page.locator("#save-plan").click();
            assertThat(page.locator("vaadin-grid-cell-content",
                    new Page.LocatorOptions().setHasText("USA " + hostName))).isVisible();

            Page phone = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD, "ru-RU", 390, 844);
            Browsers.go(phone, url("/hosts"));
            phone.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(hostName)).click();
            assertThat(phone.locator("#host-squads")).containsText("Europe");
            assertThat(phone.locator("#host-forwarded")).containsText("Передавать заголовки прокси");
            phone.locator("#host-squads").scrollIntoViewIfNeeded();
            Browsers.screenshot(phone, "host-remnawave-ru-phone");
            phone.locator("vaadin-button", new Page.LocatorOptions().setHasText("Отмена")).click();
            assertThat(phone.locator("#save-host")).isHidden();
            assertThat(phone.locator("#hosts-grid")).containsText(hostName); // a phone keeps name, state and health
            Browsers.screenshot(phone, "hosts-remnawave-ru-phone");
            phone.navigate(url("/plans"));
            phone.locator("#add-plan").click();
            phone.locator("#plan-host").click();
            phone.locator("vaadin-select-item[role=option]:visible", new Page.LocatorOptions().setHasText(hostName))
                    .click();
            assertThat(phone.locator("#plan-squads")).containsText("Сквады (Remnawave)");
            phone.locator("#plan-squads").scrollIntoViewIfNeeded();
            Browsers.screenshot(phone, "plan-remnawave-squads-ru-phone");
            phone.close();
        }
    }
}
