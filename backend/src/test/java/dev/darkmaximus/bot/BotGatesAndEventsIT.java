package dev.darkmaximus.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.catalog.PanelWatch;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.reporting.DailySummary;
import dev.darkmaximus.support.SupportSla;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * The rest of SPEC §8 in chat: the terms and required-channel gates, help, a referral withdrawal, updates by long
 * polling, and the events the admin chat hears of (newcomers, withdrawals, overdue tickets, the daily summary).
 */
class BotGatesAndEventsIT extends PanelBackedTest {

    @Autowired
    Templates templates;
    Purchases money;
    BotTexts texts;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        texts = new BotTexts(templates, jdbc);
    }

    private static final JsonMapper JSON =
            JsonMapper.builder().build();

    @Autowired
    UpdateSource updates;
    @Autowired
    DailySummary dailySummary;
    @Autowired
    SupportSla supportSla;

    @Test
    void termsThenTheChannelThenTheMenu() {
        BotUser user = new BotUser(api, "ru");
        String channelMember = stubChannelMember(user, "left");
        put(ShopSettings.TERMS_REQUIRED, "true", Setting.ValueType.BOOL);
        put(ShopSettings.TERMS_URL, "https://example.com/terms", Setting.ValueType.STRING);
        put(ShopSettings.REQUIRED_CHANNEL, "@dm_news", Setting.ValueType.STRING);
        put(ShopSettings.REQUIRED_CHANNEL_LINK, "https://t.me/dm_news", Setting.ValueType.STRING);
        try {
            user.says("/start");
            assertThat(user.calls()).extracting(BotUser.Call::method).containsExactly("sendMessage", "sendMessage");
            assertThat(user.screen().text()).isEqualTo(texts.text("ru", "terms", "url", "https://example.com/terms"));
            user.says("/buy");
            assertThat(user.screen().text()).as("nothing before the terms are accepted")
                    .isEqualTo(texts.text("ru", "terms", "url", "https://example.com/terms"));

            user.taps(texts.text("ru", "btn.terms_accept"));
            assertThat(user.screen().text()).isEqualTo(texts.text("ru", "channel"));
            assertThat(user.screen().body().path("reply_markup").path("inline_keyboard").get(0).get(0).path("url")
                    .asString()).isEqualTo("https://t.me/dm_news");
            assertThat(jdbc.sql("SELECT terms_accepted_at IS NOT NULL FROM customers WHERE telegram_id = :t")
                    .param("t", user.id).query(Boolean.class).single()).isTrue();

            String recheck = user.button(texts.text("ru", "btn.channel_check"));
            user.tapsData(recheck);
            assertThat(user.only("answerCallbackQuery").body().path("text").asString())
                    .isEqualTo(texts.text("ru", "channel.not_yet"));

            TestTelegram.server().removeStub(TestTelegram.server().getSingleStubMapping(
                    UUID.fromString(channelMember)));
            stubChannelMember(user, "member");
            user.tapsData(recheck);
            assertThat(user.screen().text()).startsWith("🏠 <b>");
            assertThat(TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BotUser.BOT + "/getChatMember"))
                    .withRequestBody(matchingJsonPath("$.chat_id", equalTo("@dm_news")))
                    .withRequestBody(matchingJsonPath("$.user_id", equalTo(Long.toString(user.id)))))).isNotEmpty();
        } finally {
            put(ShopSettings.TERMS_REQUIRED, "false", Setting.ValueType.BOOL);
            put(ShopSettings.REQUIRED_CHANNEL, "", Setting.ValueType.STRING);
            put(ShopSettings.REQUIRED_CHANNEL_LINK, "", Setting.ValueType.STRING);
        }
    }

    @Test
    void helpLeadsToInstructionsPerPlatform() {
        BotUser user = new BotUser(api, "en");
        user.says("/start");

        user.says("/help");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "help", "support",
                settings.supportContact()));
        user.taps(texts.text("en", "btn.instructions"));
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "instructions"));
        user.taps("Android");
        assertThat(user.screen().text()).isEqualTo(texts.text("en", "instructions.android"));
    }

    @Test
    void referralEarningsAreWithdrawnThroughTheChatAndTheAdminChatHearsOfIt() {
        long adminChat = adminChat();
        try {
            BotUser referrer = new BotUser(api, "en");
            referrer.says("/start");
            long referrerId = texts.customerId(referrer);
            assertThat(outbox.run("admin:customer.new:" + referrerId)).isEqualTo(1);
            assertThat(adminMessages(adminChat)).anySatisfy(text -> assertThat(text)
                    .startsWith("👋 New customer #" + shop.number(referrerId) + " @u" + referrer.id + " via bot"));

            Shop.Customer invited = shop.customer("ref_" + shop.number(referrerId));
            shop.credit(invited.id(), 100_000);
            money.order(invited, Map.of("kind", "NEW_KEY", "planId", money.planId(), "method", "BALANCE"), "w1");
            put(ShopSettings.REFERRAL_WITHDRAWAL_MIN, "1000", Setting.ValueType.MONEY);

            referrer.says("/referral");
            referrer.taps("Withdraw 18.90 ₽");
            assertThat(referrer.screen().text()).isEqualTo(texts.text("en", "withdraw.method", "amount", "18.90 ₽"));
            referrer.taps("Bank card");
            assertThat(referrer.screen().text()).isEqualTo(texts.text("en", "withdraw.prompt.card"));
            referrer.says("2200 0000 0000 0004");
            assertThat(referrer.screen().text()).isEqualTo(texts.text("en", "withdraw.requested", "amount", "18.90 ₽"));

            long request = jdbc.sql("SELECT id FROM withdrawal_requests WHERE customer_id = :c AND details = :d "
                    + "AND amount_minor = 1890 AND status = 'REQUESTED'").param("c", referrerId)
                    .param("d", "2200 0000 0000 0004").query(Long.class).single();
            assertThat(outbox.run("admin:withdrawal.requested:" + request)).isEqualTo(1);
            assertThat(adminMessages(adminChat)).anySatisfy(text -> assertThat(text)
                    .startsWith("💸 Withdrawal #" + request + " of 18.90 ₽ requested"));
        } finally {
            put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING);
            put(ShopSettings.REFERRAL_WITHDRAWAL_MIN, "10000", Setting.ValueType.MONEY);
        }
    }

    @Test
    void updatesByLongPollingAreHandledOnceAndTheOffsetMovesOn() {
        BotUser user = new BotUser(api, "en");
        long first = TestIds.updateId();
        long second = TestIds.updateId();
        long third = TestIds.updateId();
        String getUpdates = "(?i)" + BotUser.BOT + "/getUpdates";
        TestTelegram.server().stubFor(post(urlMatching(getUpdates)).inScenario("poll" + user.id)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("again")
                .willReturn(okJson(updates(user, first, "/start", second, "/menu"))));
        TestTelegram.server().stubFor(post(urlMatching(getUpdates)).inScenario("poll" + user.id)
                .whenScenarioStateIs("again").willSetStateTo("done")
                // Telegram redelivers the second update (as after a crash before the offset was confirmed).
                .willReturn(okJson(updates(user, second, "/menu", third, "/profile"))));
        user.mark();

        assertThat(updates.pollOnce(Duration.ZERO)).isEqualTo(2);
        assertThat(updates.pollOnce(Duration.ZERO)).isEqualTo(2);

        // /start (welcome + menu), /menu, /profile: the redelivered /menu is not answered twice.
        assertThat(user.calls()).extracting(BotUser.Call::method).hasSize(4);
        assertThat(user.calls().getLast().text()).startsWith("👤 <b>Profile</b>");
        var polls = TestTelegram.server().findAll(postRequestedFor(urlMatching(getUpdates)));
        assertThat(polls.getLast().getBodyAsString()).contains("\"offset\":" + (second + 1));
    }

    @Test
    void overdueTicketsAndTheDailySummaryReachTheAdminChatOnce() {
        long adminChat = adminChat();
        try {
            BotUser customer = new BotUser(api, "en");
            customer.says("/start");
            customer.says("/support");
            customer.says("Nothing works");
            long ticket = jdbc.sql("SELECT id FROM support_tickets WHERE customer_id = :c")
                    .param("c", texts.customerId(customer)).query(Long.class).single();
            jdbc.sql("UPDATE support_tickets SET last_customer_message_at = now() - interval '5 hours' WHERE id = :id")
                    .param("id", ticket).update();
            jdbc.sql("UPDATE ticket_messages SET created_at = now() - interval '5 hours' WHERE ticket_id = :id")
                    .param("id", ticket).update();

            assertThat(supportSla.runOnce()).isPositive();
            supportSla.runOnce();
            assertThat(outbox.run("admin:support.sla:" + ticket + ":")).isEqualTo(1);
            assertThat(adminMessages(adminChat)).anySatisfy(text -> assertThat(text)
                    .startsWith("⏰ Ticket #" + ticket + " has waited 5 h"));

            LocalDate day = LocalDate.of(2026, 11, 1);
            dailySummary.summarize(day);
            dailySummary.summarize(day);
            assertThat(outbox.run("admin:daily-summary:" + day)).isEqualTo(1);
            assertThat(adminMessages(adminChat)).anySatisfy(text -> assertThat(text).startsWith("📊 2026-11-01: revenue "));
        } finally {
            put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING);
        }
    }

    @Autowired
    PanelWatch panelWatch;

    @Test
    void aPanelGoingDownAndComingBackIsToldOnceEach() {
        long adminChat = adminChat();
        try {
            panel.listsClients(List.of());
            assertThat(panelWatch.check(hostId)).as("healthy, as before").isFalse();
            panel.down();
            assertThat(panelWatch.check(hostId)).isTrue();
            assertThat(panelWatch.check(hostId)).as("still down: no second alert").isFalse();
            panel.recover();
            assertThat(panelWatch.check(hostId)).isTrue();

            assertThat(outbox.run("admin:panel:" + hostId + ":")).isEqualTo(2);
            assertThat(adminMessages(adminChat)).filteredOn(text -> text.contains("Panel of host")).hasSize(2)
                    .anySatisfy(text -> assertThat(text).startsWith("🔴 Panel of host").contains("is down"))
                    .anySatisfy(text -> assertThat(text).startsWith("✅ Panel of host").endsWith("answers again."));
        } finally {
            put(ShopSettings.ADMIN_CHAT_ID, "", Setting.ValueType.STRING);
        }
    }

    private String updates(BotUser user, long firstId, String firstText, long secondId, String secondText) {
        return JSON.writeValueAsString(Map.of("ok", true, "result", List.of(
                Map.of("update_id", firstId, "message", user.message(firstText)),
                Map.of("update_id", secondId, "message", user.message(secondText)))));
    }

    private long adminChat() {
        long chat = -100_000_000_000L - TestIds.telegramId();
        put(ShopSettings.ADMIN_CHAT_ID, Long.toString(chat), Setting.ValueType.STRING);
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BotUser.BOT + "/sendMessage"))
                .withRequestBody(containing(Long.toString(chat)))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":5,\"date\":1764000000,"
                        + "\"chat\":{\"id\":" + chat + ",\"type\":\"group\"}}}")));
        return chat;
    }

    private static List<String> adminMessages(long chat) {
        return TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BotUser.BOT + "/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))))
                .stream().map(r -> JSON.readTree(r.getBodyAsString()).path("text").asString()).toList();
    }

    private String stubChannelMember(BotUser user, String status) {
        return TestTelegram.server().stubFor(post(urlMatching("(?i)" + BotUser.BOT + "/getChatMember"))
                .withRequestBody(matchingJsonPath("$.user_id", equalTo(Long.toString(user.id))))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"status\":\"" + status + "\",\"user\":{\"id\":" + user.id
                        + ",\"is_bot\":false,\"first_name\":\"Bot\"}}}"))).getId().toString();
    }

    private void put(String key, String value, Setting.ValueType type) {
        settings.put(key, value, type, "test");
    }

}
