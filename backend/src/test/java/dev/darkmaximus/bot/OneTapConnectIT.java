package dev.darkmaximus.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/**
 * From "key ready" to a connected app in one tap (SPEC §8): the message carries the QR code, the link and a button
 * per app (https pages that open the app's own import link), and a key's instructions per device list that
 * device's apps with where to get them.
 */
class OneTapConnectIT extends PanelBackedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Templates templates;
    BotTexts texts;

    @BeforeEach
    void publicAddressAndTrial() {
        texts = new BotTexts(templates, jdbc);
        settings.put(ShopSettings.PUBLIC_URL, "https://vpn.example.com", Setting.ValueType.STRING, "test");
        settings.put(ShopSettings.TRIAL_HOST_ID, Long.toString(hostId), Setting.ValueType.INT, "test");
        settings.put(ShopSettings.TRIAL_ENABLED, "true", Setting.ValueType.BOOL, "test");
    }

    @AfterEach
    void noPublicAddress() {
        settings.put(ShopSettings.PUBLIC_URL, "", Setting.ValueType.STRING, "test");
    }

    @Test
    void keyReadyCarriesTheQrTheLinkAndOneTapButtons() {
        BotUser user = new BotUser(api, "ru");
        long keyId = trialKeyReady(user);
        String subId = subscriptionId(keyId);
        String page = "https://vpn.example.com/s/" + subId;

        user.mark();
        assertThat(outbox.run("notification:" + notificationOf(keyId))).isEqualTo(1);
        BotUser.Call ready = user.only("sendPhoto");
        assertThat(ready.text()).startsWith("🔑 Ключ #1 готов и действует до ")
                .contains("<code>" + page + "</code>", "Нажмите кнопку своего VPN-приложения");
        List<List<String[]>> keyboard = keyboard(ready);
        assertThat(keyboard.get(0)).extracting(b -> b[0] + " → " + b[1]).containsExactly(
                "➕ Happ → " + page + "/open/happ", "➕ Hiddify → " + page + "/open/hiddify");
        assertThat(keyboard.get(1)).extracting(b -> b[0] + " → " + b[1]).containsExactly(
                "➕ v2RayTun → " + page + "/open/v2raytun", "➕ Streisand → " + page + "/open/streisand");
        assertThat(keyboard.get(2)).extracting(b -> b[0] + " → " + b[1]).containsExactly(
                "📲 Все приложения и инструкции → " + page);
        assertThat(keyboard.get(3)).extracting(b -> b[0]).containsExactly("📋 Скопировать ссылку");
        assertThat(keyboard.get(4)).extracting(b -> b[0]).containsExactly("🔑 Мои ключи");

        assertThat(outbox.run("notification:" + notificationOf(keyId))).as("sent once").isZero();
    }

    @Test
    void whenTelegramRefusesThePictureOrAButtonTheTextStillGoesOut() {
        BotUser user = new BotUser(api, "en");
        long keyId = trialKeyReady(user);
        user.refusesPhotos("Bad Request: BUTTON_URL_INVALID");

        user.mark();
        assertThat(outbox.run("notification:" + notificationOf(keyId))).isEqualTo(1);
        BotUser.Call text = user.only("sendMessage");
        assertThat(text.text()).startsWith("🔑 Key #1 is ready").contains("<code>https://vpn.example.com/s/");
        assertThat(text.body().has("reply_markup")).as("no button to refuse this time").isFalse();
        assertThat(jdbc.sql("SELECT status FROM notifications WHERE id = :id").param("id", notificationOf(keyId))
                .query(String.class).single()).isEqualTo("SENT");
    }

    @Test
    void withoutAPublicAddressTheMessageCarriesThePanelsSubscriptionAndQr() {
        settings.put(ShopSettings.PUBLIC_URL, "", Setting.ValueType.STRING, "test");
        BotUser user = new BotUser(api, "en");
        long keyId = trialKeyReady(user);
        String link = jdbc.sql("SELECT subscription_url FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();

        user.mark();
        outbox.run("notification:" + notificationOf(keyId));
        BotUser.Call ready = user.only("sendPhoto");
        assertThat(link).startsWith("https://sub.example.net/sub/");
        assertThat(ready.text()).startsWith("🔑 Key #1 is ready").contains("<code>" + escape(link) + "</code>");
        assertThat(keyboard(ready)).as("Telegram buttons take only https: no app buttons")
                .noneMatch(row -> row.stream().anyMatch(b -> b[0].startsWith("➕")));
    }

    @Test
    void aKeysInstructionsForADeviceListItsAppsWithDownloads() {
        BotUser user = new BotUser(api, "en");
        long keyId = trialKeyReady(user);
        String page = "https://vpn.example.com/s/" + subscriptionId(keyId);

        user.says("/keys");
        user.taps("#1");
        assertThat(user.screen().url("All apps and instructions")).isEqualTo(page);
        user.taps("How to connect");
        user.taps("iPhone");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "instructions.ios")
                + texts.text("en", "instructions.apps"));
        assertThat(user.screen().url("➕ Happ")).isEqualTo(page + "/open/happ");
        assertThat(user.screen().url("Get Happ")).isEqualTo("https://apps.apple.com/app/happ-proxy-utility/id6504287215");
        assertThat(user.screen().url("➕ Shadowrocket")).isEqualTo(page + "/open/shadowrocket");
        assertThat(user.screen().labels().toString()).as("Android-only apps stay on Android").doesNotContain("v2rayNG");
    }

    @Test
    void withSeveralServersTheCustomerPicksTheTrialsServer() {
        settings.put(ShopSettings.TRIAL_HOST_ID, "", Setting.ValueType.INT, "test");
        long second = shop.host(panel);
        String nameRu = jdbc.sql("SELECT name FROM hosts WHERE id = :id").param("id", second).query(String.class)
                .single();
        // Hosts have a name per language: an English reader sees the English one.
        String name = "Second country " + second;
        jdbc.sql("UPDATE hosts SET name_en = :en WHERE id = :id").param("en", name).param("id", second).update();
        BotUser user = new BotUser(api, "en");
        user.says("/start");
        user.taps("Free trial");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "trial.choose"));
        assertThat(db.count("SELECT count(*) FROM vpn_keys WHERE customer_id = ?", texts.customerId(user)))
                .as("nothing taken before the choice").isZero();

        user.taps(name);
        assertThat(user.screen().text()).startsWith("🎁 Your free trial key #1 is being prepared (server: " + name);
        assertThat(db.count("SELECT host_id FROM vpn_keys WHERE customer_id = ? AND trial", texts.customerId(user)))
                .isEqualTo(second);

        // The API takes the pick too, and refuses a server trials aren't on.
        Shop.Customer customer = shop.customer();
        JsonNode offered = api.get("/api/v1/me/trial/hosts", customer.token()).expect(200).json();
        assertThat(offered.findValuesAsString("name")).contains(nameRu);
        assertThat(offered.findValuesAsString("nameEn")).contains(name);
        jdbc.sql("UPDATE hosts SET enabled = FALSE WHERE id = :id").param("id", hostId).update();
        api.post("/api/v1/me/trial?hostId=" + hostId, "", customer.token()).problem(400, "validation_failed");
        JsonNode trial = api.post("/api/v1/me/trial?hostId=" + second, "", customer.token()).expect(201).json();
        assertThat(trial.get("hostName").asString()).isEqualTo(nameRu);
        assertThat(trial.get("hostNameEn").asString()).isEqualTo(name);

        BotUser russian = new BotUser(api, "ru");
        russian.says("/start");
        russian.taps("Бесплатный пробный период");
        assertThat(russian.screen().labels().toString()).contains(nameRu).doesNotContain(name);
    }

    private long trialKeyReady(BotUser user) {
        user.says("/start");
        user.tapsData(user.button("ru".equals(user.language) ? "Бесплатный пробный период" : "Free trial"));
        long keyId = jdbc.sql("SELECT id FROM vpn_keys WHERE customer_id = :c AND trial")
                .param("c", texts.customerId(user)).query(Long.class).single();
        panel.acceptsNewClient(jdbc.sql("SELECT panel_email FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single());
        outbox.run("key.push:" + keyId + ":");
        return keyId;
    }

    private long notificationOf(long keyId) {
        return jdbc.sql("SELECT id FROM notifications WHERE dedup_key = :k").param("k", "key.ready:" + keyId)
                .query(Long.class).single();
    }

    private String subscriptionId(long keyId) {
        return jdbc.sql("SELECT subscription_id FROM vpn_keys WHERE id = :id").param("id", keyId)
                .query(String.class).single();
    }

    /** A photo's keyboard (a form field of JSON text): label and url (or callback data) per button. */
    private static List<List<String[]>> keyboard(BotUser.Call photo) {
        JsonNode markup = JSON.readTree(photo.body().path("reply_markup").asString());
        List<List<String[]>> rows = new ArrayList<>();
        for (JsonNode row : markup.path("inline_keyboard")) {
            List<String[]> buttons = new ArrayList<>();
            row.forEach(b -> buttons.add(new String[] {b.path("text").asString(),
                    b.has("url") ? b.path("url").asString() : b.path("callback_data").asString()}));
            rows.add(buttons);
        }
        return rows;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
