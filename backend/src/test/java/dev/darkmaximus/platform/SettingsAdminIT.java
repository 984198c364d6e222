package dev.darkmaximus.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.payment.Providers;
import dev.darkmaximus.platform.settings.SettingCatalogue;
import dev.darkmaximus.platform.settings.SettingDefinition;
import dev.darkmaximus.platform.settings.SettingGroup;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestYooKassa;

/** The settings screen's API (SPEC §13). Every test puts the settings it changes back to their defaults. */
class SettingsAdminIT extends IntegrationTest {

    private static final String SETTINGS = "/api/v1/admin/settings";

    @LocalServerPort
    int port;
    @Autowired
    ShopSettings settings;
    @Autowired
    Providers providers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    Api api;
    String admin;

    @BeforeEach
    void client() {
        api = new Api(port);
        admin = api.adminToken();
    }

    @Test
    void listsEveryGroupInOrderWithItsSettingsAndDefaults() {
        JsonNode groups = api.get(SETTINGS, admin).expect(200).json().get("groups");

        List<String> order = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        groups.forEach(group -> {
            order.add(group.get("group").asString());
            group.get("settings").forEach(s -> keys.add(s.get("key").asString()));
        });
        List<String> enumOrder = Arrays.stream(SettingGroup.values()).map(Enum::name).toList();
        assertThat(order).isSortedAccordingTo(Comparator.comparingInt(enumOrder::indexOf))
                .contains("GENERAL", "ACCESS", "TRIAL", "REFERRAL", "PAYMENTS", "REMINDERS", "SUPPORT", "SYNC",
                        "SECURITY", "ADMIN");
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                SettingCatalogue.all().stream().map(SettingDefinition::key).toList());

        JsonNode trialDays = setting(groups, "trial.days");
        assertThat(trialDays.get("type").asString()).isEqualTo("INTEGER");
        assertThat(trialDays.get("label").asString()).isEqualTo("Trial days");
        assertThat(trialDays.get("description").asString()).isNotBlank();
        assertThat(trialDays.get("defaultValue").asString()).isEqualTo("3");
        assertThat(trialDays.get("min").asString()).isEqualTo("1");
        assertThat(trialDays.get("max").asString()).isEqualTo("365");
        assertThat(trialDays.has("secretSet")).isFalse();
        assertThat(setting(groups, "general.time-zone").get("defaultValue").asString()).isEqualTo("Europe/Moscow");
        assertThat(setting(groups, "reminders.offsets").get("type").asString()).isEqualTo("DURATION_LIST");
        assertThat(setting(groups, "payments.stars.enabled").get("type").asString()).isEqualTo("BOOLEAN");
        JsonNode secret = setting(groups, ShopSettings.YOOKASSA_SECRET_KEY);
        assertThat(secret.get("type").asString()).isEqualTo("SECRET");
        assertThat(secret.get("secretSet").asBoolean()).isFalse();
        assertThat(secret.get("value").isNull()).isTrue();
    }

    @Test
    void anAdminReadingRussianGetsEveryLabelAndHelpInRussian() {
        JsonNode groups = api.get(SETTINGS, admin, Map.of("Accept-Language", "ru-RU,ru;q=0.9")).expect(200).json()
                .get("groups");
        JsonNode trial = find(groups, "trial.days");
        assertThat(trial.get("label").asString()).isEqualTo("Дней пробного периода");
        assertThat(trial.get("description").asString()).isEqualTo("Сколько действует пробный ключ.");
        assertThat(groups.get(0).get("label").asString()).isEqualTo("Общие");
        groups.forEach(group -> group.get("settings").forEach(setting -> assertThat(setting.get("label").asString())
                .as(setting.get("key").asString()).containsPattern("[А-Яа-яё]|ID|Stars|URL")));

        JsonNode english = api.get(SETTINGS, admin, Map.of("Accept-Language", "en-GB")).expect(200).json()
                .get("groups");
        assertThat(find(english, "trial.days").get("label").asString()).isEqualTo("Trial days");
    }

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            for (JsonNode setting : group.get("settings")) {
                if (setting.get("key").asString().equals(key)) {
                    return setting;
                }
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    void validValuesAreStoredAuditedAndReadByTheGettersAtOnce() {
        try {
            JsonNode groups = api.put(SETTINGS, Map.of("values", Map.of(
                    "support.sla", " 6h ", "reminders.offsets", "2h, 48h", "trial.days", "5",
                    "general.time-zone", "Europe/Berlin", "payments.yookassa.receipts", "TRUE")), admin)
                    .expect(200).json().get("groups");

            assertThat(setting(groups, "support.sla").get("value").asString()).isEqualTo("6h");
            assertThat(setting(groups, "reminders.offsets").get("value").asString()).isEqualTo("2h,48h");
            assertThat(setting(groups, "payments.yookassa.receipts").get("value").asString()).isEqualTo("true");
            JsonNode again = api.get(SETTINGS, admin).expect(200).json().get("groups");
            assertThat(setting(again, "trial.days").get("value").asString()).isEqualTo("5");
            assertThat(settings.supportSla()).isEqualTo(Duration.ofHours(6));
            assertThat(settings.reminderOffsets()).containsExactly(Duration.ofHours(48), Duration.ofHours(2));
            assertThat(settings.trialDays()).isEqualTo(5);
            assertThat(settings.timeZone()).hasToString("Europe/Berlin");
            assertThat(settings.receipts()).isTrue();

            JsonNode entry = lastChange("trial.days");
            assertThat(entry.get("before").get("value").isNull()).isTrue();
            assertThat(entry.get("after").get("value").asString()).isEqualTo("5");
            assertThat(entry.get("actorName").asString()).isEqualTo("admin");

            long entries = changes("trial.days");
            api.put(SETTINGS, Map.of("values", Map.of("trial.days", "5")), admin).expect(200);
            assertThat(changes("trial.days")).as("an unchanged value is not audited again").isEqualTo(entries);
        } finally {
            reset("support.sla", "reminders.offsets", "trial.days", "general.time-zone",
                    "payments.yookassa.receipts");
        }
        assertThat(settings.trialDays()).isEqualTo(3);
        assertThat(settings.supportSla()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anEmptyStringOrNullReturnsASettingToItsDefault() {
        try {
            api.put(SETTINGS, Map.of("values", Map.of("support.sla", "6h", "sync.interval", "20m")), admin)
                    .expect(200);
            assertThat(settings.syncInterval()).isEqualTo(Duration.ofMinutes(20));

            JsonNode groups = api.put(SETTINGS, "{\"values\":{\"support.sla\":\"\",\"sync.interval\":null}}", admin)
                    .expect(200).json().get("groups");

            assertThat(setting(groups, "support.sla").get("value").isNull()).isTrue();
            assertThat(setting(groups, "sync.interval").get("value").isNull()).isTrue();
            assertThat(settings.supportSla()).isEqualTo(Duration.ofHours(4));
            assertThat(settings.syncInterval()).isEqualTo(Duration.ofMinutes(15));
            assertThat(jdbc.sql("SELECT count(*) FROM settings WHERE key IN ('support.sla', 'sync.interval')")
                    .query(Long.class).single()).isZero();
            JsonNode entry = lastChange("sync.interval");
            assertThat(entry.get("before").get("value").asString()).isEqualTo("20m");
            assertThat(entry.get("after").get("value").isNull()).isTrue();
        } finally {
            reset("support.sla", "sync.interval");
        }
    }

    @Test
    void invalidValuesAreAllReportedByKeyAndNothingIsStored() {
        Map<String, String> values = new HashMap<>();
        values.put("support.sla", "3h");
        values.put("trial.days", "0");
        values.put("referral.percent", "101");
        values.put("general.miniapp-url", "ftp://example.com/app");
        values.put("general.time-zone", "Mars/Olympus_Mons");
        values.put("admin.chat-id", "my-chat");
        values.put("reminders.offsets", "24h,-1h");
        values.put("payments.order-expiry", "soon");
        values.put("trial.enabled", "yes");
        values.put("no.such.setting", "1");

        JsonNode problem = api.put(SETTINGS, Map.of("values", values), admin).problem(400, "validation_failed");

        Map<String, JsonNode> errors = new HashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").asString(), e));
        assertThat(errors).containsOnlyKeys("trial.days", "referral.percent", "general.miniapp-url",
                "general.time-zone", "admin.chat-id", "reminders.offsets", "payments.order-expiry", "trial.enabled",
                "no.such.setting");
        assertThat(errors.get("trial.days").get("message").asString()).isEqualTo("must be between 1 and 365");
        assertThat(errors.get("trial.days").get("code").asString()).isEqualTo("out_of_range");
        assertThat(errors.get("referral.percent").get("message").asString()).isEqualTo("must be between 0 and 100");
        assertThat(errors.get("reminders.offsets").get("message").asString()).isEqualTo("must be between 1m and 30d");
        assertThat(errors.get("no.such.setting").get("code").asString()).isEqualTo("unknown_setting");
        assertThat(errors.get("general.miniapp-url").get("code").asString()).isEqualTo("format");

        assertThat(setting(api.get(SETTINGS, admin).expect(200).json().get("groups"), "support.sla")
                .get("value").isNull()).as("the valid value was not stored either").isTrue();
        assertThat(settings.supportSla()).isEqualTo(Duration.ofHours(4));
        assertThat(jdbc.sql("SELECT count(*) FROM settings WHERE key = 'support.sla'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theSmallestTopUpCannotExceedTheLargest() {
        try {
            JsonNode problem = api.put(SETTINGS, Map.of("values", Map.of("payments.topup-min", "20000000")), admin)
                    .problem(400, "validation_failed");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("payments.topup-min");
            assertThat(settings.topUpMin()).isEqualTo(10_000);

            api.put(SETTINGS, Map.of("values", Map.of("payments.topup-min", "20000000",
                    "payments.topup-max", "30000000")), admin).expect(200);
            assertThat(settings.topUpMin()).isEqualTo(20_000_000);
            assertThat(settings.topUpMax()).isEqualTo(30_000_000);

            JsonNode lower = api.put(SETTINGS, Map.of("values", Map.of("payments.topup-max", "100")), admin)
                    .problem(400, "validation_failed");
            assertThat(lower.get("errors").get(0).get("field").asString()).isEqualTo("payments.topup-max");
            assertThat(settings.topUpMax()).isEqualTo(30_000_000);
        } finally {
            reset("payments.topup-min", "payments.topup-max");
        }
        assertThat(settings.topUpMin()).isEqualTo(10_000);
        assertThat(settings.topUpMax()).isEqualTo(10_000_000);
    }

    @Test
    void aSecretIsStoredEncryptedNeverShownAndUsedByYooKassa() {
        String secret = "test_settings-secret-" + System.nanoTime();
        try {
            String answer = api.put(SETTINGS, Map.of("values", Map.of(ShopSettings.YOOKASSA_SHOP_ID, "settings-shop",
                    ShopSettings.YOOKASSA_SECRET_KEY, secret)), admin).expect(200).body();
            String listed = api.get(SETTINGS, admin).expect(200).body();

            assertThat(answer).doesNotContain(secret);
            assertThat(listed).doesNotContain(secret);
            JsonNode shown = setting(api.get(SETTINGS, admin).expect(200).json().get("groups"),
                    ShopSettings.YOOKASSA_SECRET_KEY);
            assertThat(shown.get("secretSet").asBoolean()).isTrue();
            assertThat(shown.get("value").isNull()).isTrue();
            Map<String, Object> row = jdbc.sql("SELECT value, secret FROM settings WHERE key = :key")
                    .param("key", ShopSettings.YOOKASSA_SECRET_KEY).query().singleRow();
            assertThat((String) row.get("value")).isNotEqualTo(secret).doesNotContain(secret).startsWith("v1:");
            assertThat(row.get("secret")).isEqualTo(true);
            JsonNode entry = lastChange(ShopSettings.YOOKASSA_SECRET_KEY);
            assertThat(entry.get("after").get("value").asString()).isEqualTo("***");
            assertThat(api.get("/api/v1/admin/audit?objectType=setting&limit=200", admin).expect(200).body())
                    .doesNotContain(secret);

            assertThat(yooKassaAuthorization()).isEqualTo(basic("settings-shop:" + secret));
        } finally {
            reset(ShopSettings.YOOKASSA_SHOP_ID, ShopSettings.YOOKASSA_SECRET_KEY);
        }
        JsonNode cleared = setting(api.get(SETTINGS, admin).expect(200).json().get("groups"),
                ShopSettings.YOOKASSA_SECRET_KEY);
        assertThat(cleared.get("secretSet").asBoolean()).isFalse();
        assertThat(lastChange(ShopSettings.YOOKASSA_SECRET_KEY).get("before").get("value").asString())
                .isEqualTo("***");
        assertThat(yooKassaAuthorization()).as("back to the configuration")
                .isEqualTo(basic("test-shop:test_secret-key"));
    }

    @Test
    void anOperatorCanNeitherReadNorChangeSettings() {
        String operator = Operators.signedIn(api, jdbc, passwords, "settings-op").token();

        api.get(SETTINGS, operator).problem(403, "forbidden");
        api.put(SETTINGS, Map.of("values", Map.of("trial.days", "7")), operator).problem(403, "forbidden");
        api.get(SETTINGS, null).problem(401, "unauthorized");
        assertThat(settings.trialDays()).isEqualTo(3);
    }

    /** Asks YooKassa about a payment and returns the Authorization header the stub received. */
    private String yooKassaAuthorization() {
        long id = TestIds.telegramId();
        TestYooKassa.payment(id, "pending", 10_000, id);
        providers.get(PaymentMethod.YOOKASSA).fetch(TestYooKassa.providerId(id));
        return TestYooKassa.server().findAll(getRequestedFor(urlEqualTo("/payments/" + TestYooKassa.providerId(id))))
                .getFirst().getHeader("Authorization");
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private void reset(String... keys) {
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            values.put(key, "");
        }
        api.put(SETTINGS, Map.of("values", values), admin).expect(200);
    }

    private JsonNode lastChange(String key) {
        return api.get("/api/v1/admin/audit?action=setting.changed&objectType=setting&objectId=" + key + "&limit=1",
                admin).expect(200).json().get("data").get(0);
    }

    private long changes(String key) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'setting.changed' AND object_id = :key")
                .param("key", key).query(Long.class).single();
    }

    private static JsonNode setting(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            for (JsonNode setting : group.get("settings")) {
                if (setting.get("key").asString().equals(key)) {
                    return setting;
                }
            }
        }
        throw new AssertionError("no setting " + key);
    }
}
