package dev.darkmaximus.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.platform.settings.AppLinkTable;
import dev.darkmaximus.platform.settings.SettingCatalogue;
import dev.darkmaximus.platform.settings.ShopSettings;

/** Every built-in app's import link, built from one sample subscription URL: the exact strings the apps receive. */
class DeepLinksTest {

    static final String URL = "https://vpn.example.com/s/Ab3dE5gH7jK9mN2p";
    static final String NAME = "Dark Maximus VPN #1";

    @Test
    void eachBuiltInAppGetsItsOwnImportLink() {
        Map<String, String> links = new LinkedHashMap<>();
        for (AppLinkTable.App app : AppLinkTable.parse(
                SettingCatalogue.find(ShopSettings.VPN_APPS).orElseThrow().defaultValue())) {
            links.put(app.id(), DeepLinks.build(app.link(), URL, NAME));
        }
        assertThat(links).containsExactly(
                Map.entry("happ", "happ://add/https://vpn.example.com/s/Ab3dE5gH7jK9mN2p"),
                Map.entry("hiddify", "hiddify://import/https://vpn.example.com/s/Ab3dE5gH7jK9mN2p"
                        + "#Dark%20Maximus%20VPN%20%231"),
                Map.entry("v2raytun", "v2raytun://import/https://vpn.example.com/s/Ab3dE5gH7jK9mN2p"),
                Map.entry("streisand", "streisand://import/https://vpn.example.com/s/Ab3dE5gH7jK9mN2p"),
                Map.entry("v2box", "v2box://install-sub?url=https%3A%2F%2Fvpn.example.com%2Fs%2FAb3dE5gH7jK9mN2p"
                        + "&name=Dark%20Maximus%20VPN%20%231"),
                Map.entry("v2rayng", "v2rayng://install-sub?url=https%3A%2F%2Fvpn.example.com%2Fs%2FAb3dE5gH7jK9mN2p"
                        + "#Dark%20Maximus%20VPN%20%231"),
                Map.entry("shadowrocket", "shadowrocket://add/sub://aHR0cHM6Ly92cG4uZXhhbXBsZS5jb20vcy9BYjNkRTVnSDdqSzltTjJw"
                        + "?remark=Dark%20Maximus%20VPN%20%231"),
                Map.entry("karing", "karing://install-config?url=https%3A%2F%2Fvpn.example.com%2Fs%2FAb3dE5gH7jK9mN2p"
                        + "&name=Dark%20Maximus%20VPN%20%231"),
                Map.entry("nekobox", "sn://subscription?url=https%3A%2F%2Fvpn.example.com%2Fs%2FAb3dE5gH7jK9mN2p"
                        + "&name=Dark%20Maximus%20VPN%20%231"));
    }

    @Test
    void encodingFollowsUriRulesNotFormRules() {
        assertThat(DeepLinks.build("x://a?u={url_encoded}&n={name_encoded}", "https://h/s/a+b c?x=1&y=%",
                "Ключ 1"))
                .isEqualTo("x://a?u=https%3A%2F%2Fh%2Fs%2Fa%2Bb%20c%3Fx%3D1%26y%3D%25&n=%D0%9A%D0%BB%D1%8E%D1%87%201");
    }

    @Test
    void everyBuiltInAppNamesAPlatformAndDownloadsOnlyForThem() {
        for (AppLinkTable.App app : AppLinkTable.parse(
                SettingCatalogue.find(ShopSettings.VPN_APPS).orElseThrow().defaultValue())) {
            assertThat(app.platforms()).isNotEmpty();
            assertThat(app.platforms()).containsAll(app.download().keySet());
            app.download().values().forEach(url -> assertThat(url).startsWith("https://"));
        }
    }
}
