package dev.darkmaximus.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** VPN apps and people told apart by what they send (User-Agents as the apps' own sources write them). */
class VisitorsTest {

    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void vpnAppsGetTheSubscription() {
        for (String app : new String[] {"v2rayNG/1.10.31", "v2rayN/7.24.8", "Happ/3.2.1",
                "HiddifyNext/2.5.7 (android) like ClashMeta v2ray sing-box", "clash-verge/v2.0.3",
                "FlClash/v0.8.96 clash-verge Platform/android", "ClashMetaForAndroid/2.11.32",
                "SFA/1.11.0 (1111; sing-box 1.11.0; language en_US)", "SFI/1.11.0 (sing-box 1.11.0; language en)",
                "NekoBox/Android/1.4.2 (Prefer ClashMeta Format)", "Streisand/1.6.2", "V2Box/4.1", "karing_1.1.2",
                "curl/8.5.0", "Dart/3.5 (dart:io)", ""}) {
            assertThat(Visitors.isVpnApp(app, "*/*")).as(app).isTrue();
        }
        assertThat(Visitors.isVpnApp(null, null)).isTrue();
    }

    @Test
    void peopleGetThePage() {
        String chrome = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Mobile Safari/537.36";
        String telegram = chrome + " Telegram-Android/11.5.3 (Google Pixel 8; Android 14; SDK 34; HIGH)";
        String safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                + "Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        for (String browser : new String[] {chrome, telegram, safari}) {
            assertThat(Visitors.isVpnApp(browser, HTML)).as(browser).isFalse();
        }
        assertThat(Visitors.isVpnApp("SomeBrowser/1.0", HTML)).as("asks for HTML").isFalse();
        assertThat(Visitors.platform(chrome)).isEqualTo("android");
        assertThat(Visitors.platform(safari)).isEqualTo("ios");
        assertThat(Visitors.platform("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")).isEqualTo("windows");
        assertThat(Visitors.platform("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1)")).isEqualTo("macos");
        assertThat(Visitors.platform("Mozilla/5.0 (X11; Linux x86_64)")).isEqualTo("linux");
        assertThat(Visitors.platform(null)).isEmpty();
    }

    @Test
    void theLanguageIsAskedForOrTheBrowsers() {
        assertThat(Visitors.language(null, "ru-RU,ru;q=0.9,en;q=0.8")).isEqualTo("ru");
        assertThat(Visitors.language(null, "uk-UA")).isEqualTo("ru");
        assertThat(Visitors.language(null, "de-DE")).isEqualTo("en");
        assertThat(Visitors.language("en", "ru-RU")).isEqualTo("en");
        assertThat(Visitors.language("xx", null)).isEqualTo("en");
    }
}
