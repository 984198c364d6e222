package dev.darkmaximus.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.platform.settings.AppLinkTable;
import dev.darkmaximus.platform.settings.SettingCatalogue;
import dev.darkmaximus.platform.settings.ShopSettings;

/** An admin's apps table is checked on save: each mistake is refused with the rule it breaks. */
class AppLinkTableTest {

    @Test
    void aValidTableIsStoredCompactInTheAdminsOrder() {
        SettingCatalogue.Checked checked = SettingCatalogue.check(ShopSettings.VPN_APPS, """
                [ {"id": "mine", "name": "My app", "platforms": ["ios", "android"],
                   "link": "mine://add?u={url_encoded}",
                   "download": {"ios": "https://apps.apple.com/app/id1", "android": "https://example.com/a.apk"}} ]""");
        assertThat(checked.error()).isNull();
        assertThat(checked.value()).isEqualTo("[{\"id\":\"mine\",\"name\":\"My app\",\"platforms\":[\"ios\",\"android\"],"
                + "\"link\":\"mine://add?u={url_encoded}\",\"download\":{\"ios\":\"https://apps.apple.com/app/id1\","
                + "\"android\":\"https://example.com/a.apk\"}}]");
        assertThat(checked.valueType()).isEqualTo("JSON");
    }

    @Test
    void mistakesAreRefusedWithTheirRule() {
        assertRefused("not json", "must be a JSON array of apps");
        assertRefused("[]", "must be a JSON array of 1 to 30 apps");
        assertRefused(app("\"id\":\"Bad Id\""), "app id that isn't");
        assertRefused(app("\"platforms\":[\"symbian\"]"), "unknown or repeated platform \"symbian\"");
        assertRefused(app("\"link\":\"javascript alert(1)\""), "needs a link like");
        assertRefused(app("\"link\":\"x://add/{token}\""), "unknown placeholder {token}");
        assertRefused(app("\"link\":\"javascript:alert({url})\""), "can't use the javascript: scheme");
        assertRefused(app("\"link\":\"https://evil.example/?u={url_encoded}\""), "can't use the https: scheme");
        assertRefused(app("\"link\":\"x://add/\""), "needs {url}, {url_encoded} or {url_base64}");
        assertRefused(app("\"download\":{\"ios\":\"https://a.example/x\"}"), "not one of app a's platforms");
        assertRefused(app("\"download\":{\"android\":\"javascript:alert(1)\"}"), "http(s) download address");
        assertRefused("[" + app("") .substring(1, app("").length() - 1) + "," + app("").substring(1), "twice");
    }

    private static String app(String override) {
        String base = "\"id\":\"a\",\"name\":\"A\",\"platforms\":[\"android\"],\"link\":\"a://i/{url}\"";
        String field = override.isEmpty() ? "" : override.substring(0, override.indexOf(':'));
        String kept = field.isEmpty() ? base : base.replaceAll(java.util.regex.Pattern.quote(field)
                + ":(\\[[^]]*]|\"[^\"]*\")", override);
        if (!kept.contains(override)) {
            kept = kept + "," + override;
        }
        return "[{" + kept + "}]";
    }

    private static void assertRefused(String table, String rule) {
        assertThat(SettingCatalogue.check(ShopSettings.VPN_APPS, table).error()).as(table).contains(rule);
        assertThatThrownBy(() -> AppLinkTable.parse(table)).hasMessageContaining(rule);
    }
}
