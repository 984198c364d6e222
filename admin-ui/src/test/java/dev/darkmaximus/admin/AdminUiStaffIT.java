package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import org.junit.jupiter.api.Test;

/**
 * Staff and the shop's rules from the admin UI: an admin adds an operator, changes a setting (a bad value is
 * refused on its field) and finds it in the audit log, issues and revokes an API key; the operator sees support and
 * customers only, is turned away from settings, and switches two-factor sign-in on for their own account. The
 * settings screen in Russian on a phone; every screen at both sizes and in both languages is AdminUiScreensIT's.
 */
class AdminUiStaffIT extends AdminUiTest {

    @Test
    void anAdminAddsAnOperatorWhoSeesOnlyTheirScreensAndTurnsOnTwoFactorSignIn() throws Exception {
        String operator = "op" + System.nanoTime() % 1_000_000_000L;
        String password = "operator-password-1";
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD);

            page.navigate(url("/staff"));
            page.locator("#staff-add").click();
            page.locator("#staff-username input").fill(operator);
            page.locator("#staff-password input").fill("short");
            page.locator("#staff-save").click();
            assertThat(page.locator("vaadin-password-field#staff-password")).hasAttribute("invalid", "");
            page.locator("#staff-password input").fill(password);
            page.locator("#staff-save").click();
            assertThat(page.locator("#staff-grid")).containsText(operator);
            assertThat(page.locator("#staff-grid")).containsText("Operator");
            Browsers.screenshot(page, "staff");

            // A setting: an out-of-range value is refused on its field and nothing is stored; a good one is saved
            // and audited.
            page.navigate(url("/settings"));
            page.locator("#setting-support-sla input").fill("0s");
            page.locator("#settings-save").click();
            assertThat(page.locator("vaadin-text-field#setting-support-sla")).hasAttribute("invalid", "");
            page.locator("#setting-support-sla input").fill("3h");
            page.locator("#settings-save").click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Saved");
            assertThat(page.locator("#setting-support-sla input")).hasValue("3h");
            // A yes/no setting's default in words, not "false".
            assertThat(page.locator("#setting-general-maintenance")).containsText("Default: off.");
            Browsers.screenshot(page, "settings");
            page.locator("#setting-connect-vpn-apps").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("settings-connect.png"))
                    .setAnimations(ScreenshotAnimations.DISABLED));
            page.navigate(url("/audit"));
            page.locator("#audit-action input").fill("setting.");
            assertThat(page.locator("#audit-grid")).containsText("support.sla");
            Browsers.screenshot(page, "audit");

            // An API key is shown once, then revoked after a confirmation.
            page.navigate(url("/api-keys"));
            page.locator("#api-key-add").click();
            page.locator("#api-key-name input").fill("CRM " + operator);
            page.locator("#api-key-scopes vaadin-checkbox", new Page.LocatorOptions().setHasText("catalog:read")).click();
            page.locator("#api-key-create").click();
            assertThat(page.locator("#api-key-value input")).hasValue(Pattern.compile("dm_.{40}"));
            page.keyboard().press("Escape");
            page.locator("#api-keys-grid vaadin-grid-cell-content", new Page.LocatorOptions()
                    .setHasText("CRM " + operator)).waitFor();
            page.locator(".api-key-revoke").last().click();
            Browsers.confirm(page);
            assertThat(page.locator("#api-keys-grid")).containsText("Revoked");
            Browsers.screenshot(page, "api-keys");

            // Every screen in both languages at both sizes: AdminUiScreensIT. Here, the settings in Russian.
            Page phoneRu = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD, "ru-RU", 390, 844);
            assertThat(phoneRu.locator("#sign-out")).containsText("Выйти");
            Browsers.open(phoneRu, url("/settings"), "#setting-general-maintenance", "settings-ru-phone");
            assertThat(phoneRu.locator("#setting-general-maintenance")).containsText("По умолчанию: выключено.");
            // Every label and help in Russian, the VPN apps table laid out to read and edit.
            assertThat(phoneRu.locator("#setting-trial-days")).containsText("Дней пробного периода");
            Locator apps = phoneRu.locator("#setting-connect-vpn-apps");
            assertThat(apps).containsText("VPN-приложения");
            assertThat(apps.locator("textarea")).hasValue(Pattern.compile("\"link\" : \"happ://add/\\{url}\""));
            apps.scrollIntoViewIfNeeded();
            phoneRu.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve(
                    "settings-connect-ru-phone.png")).setAnimations(ScreenshotAnimations.DISABLED));
            phoneRu.close();

            // The operator: lands on support, sees no admin screens, is turned away from settings by address.
            Page op = Browsers.signedIn(browser, port, operator, password);
            assertThat(op.locator("#conversation")).isVisible();
            assertThat(op.locator("#nav")).containsText("Customers");
            assertThat(op.locator("#nav")).not().containsText("Settings");
            assertThat(op.locator("#nav")).not().containsText("Transactions");
            op.navigate(url("/settings"));
            assertThat(op.locator("#no-access")).isVisible();
            assertThat(op.locator("#settings-save")).hasCount(0);
            Browsers.screenshot(op, "no-access");
            op.navigate(url("/customers"));
            assertThat(op.locator("#customers-grid")).isVisible();
            assertThat(op.locator(".customer-balance")).hasCount(0);

            // Two-factor sign-in for the operator's own account, then a sign-in that asks for the code.
            op.navigate(url("/account"));
            op.locator("#account-totp-start").click();
            String secret = op.locator("#account-totp-secret input").inputValue();
            op.locator("#account-code input").fill("000000".equals(code(secret, 0)) ? "111111" : "000000");
            op.locator("#account-totp-confirm").click();
            assertThat(op.locator("vaadin-text-field#account-code")).hasAttribute("invalid", "");
            op.locator("#account-code input").fill(code(secret, 0));
            op.locator("#account-totp-confirm").click();
            assertThat(op.locator("#account-totp-state")).containsText("is on");
            op.locator("#sign-out").click();
            op.locator("#username input").fill(operator);
            op.locator("#password input").fill(password);
            op.locator("#sign-in").click();
            assertThat(op.locator("vaadin-text-field#totp")).isVisible();
            // The code just used to confirm can't be used again: the next time step's code signs in.
            op.locator("#totp input").fill(code(secret, 30));
            op.locator("#sign-in").click();
            assertThat(op.locator("#conversation")).isVisible();
        }
    }

    /** RFC 6238 (SHA-1, 6 digits, 30 s), {@code offsetSeconds} from now. */
    /**
     * The language follows the browser on every page load (a session made by a request in another language, or a
     * browser switched since, used to keep its first language) until the operator picks one in the header.
     */
    @Test
    void theLanguageFollowsTheBrowserUntilTheOperatorPicksOne() {
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD);
            assertThat(page.locator("#sign-out")).hasText("Sign out");

            page.setExtraHTTPHeaders(Map.of("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"));
            page.reload();
            assertThat(page.locator("#sign-out")).hasText("Выйти");

            page.locator("#language").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("EN")).click();
            assertThat(page.locator("#sign-out")).hasText("Sign out");
            page.reload();
            assertThat(page.locator("#sign-out")).hasText("Sign out");
            page.close();
        }
    }

    private static String code(String base32Secret, int offsetSeconds) throws Exception {
        long step = (Instant.now().getEpochSecond() + offsetSeconds) / 30;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace("=", "").toUpperCase();
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
