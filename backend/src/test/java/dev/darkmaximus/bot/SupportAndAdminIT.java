package dev.darkmaximus.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Purchases;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * Support through the bot and the operators' forum group, and the admin's {@code /admin} in chat, against WireMock
 * for the Bot API: messages reach the ticket's topic, replies in the topic reach the customer, admin actions are
 * audited under the admin's name.
 */
class SupportAndAdminIT extends PanelBackedTest {

    @Autowired
    Templates templates;
    Purchases money;
    BotTexts texts;

    @BeforeEach
    void composeShop() {
        money = new Purchases(api, shop, port, hostId, settings);
        texts = new BotTexts(templates, jdbc);
    }

    private static final long FORUM = -100_777_000_111L;

    @BeforeEach
    void forum() {
        // Other tests' tickets are relayed while no forum is set (a no-op), so they don't take this test's topic.
        outbox.run("support.");
        settings.put(ShopSettings.SUPPORT_FORUM_ID, Long.toString(FORUM), Setting.ValueType.STRING, "test");
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BotUser.BOT + "/createForumTopic"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_thread_id\":4242,\"name\":\"t\","
                        + "\"icon_color\":7322096}}")));
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BotUser.BOT + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(FORUM))))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":9,\"date\":1764000000,"
                        + "\"chat\":{\"id\":" + FORUM + ",\"type\":\"supergroup\"}}}")));
    }

    @AfterEach
    void noForum() {
        settings.put(ShopSettings.SUPPORT_FORUM_ID, "", Setting.ValueType.STRING, "test");
    }

    @Test
    void aTicketTravelsBetweenTheCustomerAndTheForumTopicAndIsClosed() {
        BotUser customer = new BotUser(api, "en");
        customer.says("/start");
        customer.says("/support");
        assertThat(customer.screen().text()).isEqualTo(texts.text("en", "support.new"));

        customer.says("My key does not connect");
        long ticketId = jdbc.sql("SELECT id FROM support_tickets WHERE customer_id = (SELECT id FROM customers "
                + "WHERE telegram_id = :t)").param("t", customer.id).query(Long.class).single();
        assertThat(customer.screen().text()).isEqualTo(texts.text("en", "support.sent", "ticket", ticketId));
        customer.says("It says timeout");
        assertThat(db.count("SELECT count(*) FROM ticket_messages WHERE ticket_id = ?", ticketId)).isEqualTo(2);

        outbox.run("support.mirror:");
        assertThat(TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BotUser.BOT + "/createForumTopic"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(FORUM))))
                .withRequestBody(matchingJsonPath("$.name", equalTo("#" + shop.number(texts.customerId(customer))
                        + " Bot · обращение " + ticketId))))).hasSize(1);
        assertThat(TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BotUser.BOT + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.message_thread_id", equalTo("4242")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("👤 Bot (#" + shop.number(texts.customerId(customer))
                        + ", @u" + customer.id + "):\nIt says timeout"))))).hasSize(1);

        customer.mark();
        BotUser operator = new BotUser(api, "ru");
        operator.deliver(forumMessage(operator.id, "Please update the app"));
        outbox.run("support.deliver:");
        assertThat(customer.only("sendMessage").text())
                .isEqualTo(texts.text("en", "support.reply", "ticket", ticketId, "text", "Please update the app"));
        assertThat(jdbc.sql("SELECT status FROM support_tickets WHERE id = :id").param("id", ticketId)
                .query(String.class).single()).isEqualTo("WAITING_CUSTOMER");

        customer.says("/support");
        assertThat(customer.screen().text()).contains("👤 My key does not connect", "🧑‍💼 Please update the app");
        customer.taps("Close the ticket");
        assertThat(customer.screen().text()).isEqualTo(texts.text("en", "support.closed_by_you", "ticket", ticketId));
        assertThat(jdbc.sql("SELECT status FROM support_tickets WHERE id = :id").param("id", ticketId)
                .query(String.class).single()).isEqualTo("CLOSED");

        customer.says("/support");
        customer.says("Another question");
        assertThat(db.count("SELECT count(*) FROM support_tickets WHERE customer_id = ?", texts.customerId(customer)))
                .isEqualTo(2);
    }

    @Test
    void anAdminUsesQuickActionsInChatAndEachIsAuditedUnderTheirName() {
        BotUser adminUser = new BotUser(api, "en");
        adminUser.says("/start");
        jdbc.sql("UPDATE staff SET telegram_id = :t WHERE username = 'admin'").param("t", adminUser.id).update();
        try {
            BotUser customer = new BotUser(api, "en");
            customer.says("/start");
            customer.says("/admin");
            assertThat(customer.only("sendMessage").text()).isEqualTo(texts.text("en", "admin.denied"));

            adminUser.says("/admin");
            assertThat(adminUser.screen().text()).startsWith("🛠 <b>Admin</b> · today");
            adminUser.taps("Find a customer");
            adminUser.says("@u" + customer.id);
            assertThat(adminUser.screen().text()).contains("#" + shop.number(texts.customerId(customer)));

            adminUser.taps("Adjust balance");
            adminUser.says("oops");
            assertThat(adminUser.screen().text()).isEqualTo(texts.text("en", "admin.balance_invalid"));
            adminUser.says("150.50 goodwill");
            assertThat(db.balance(texts.customerId(customer), "MAIN")).isEqualTo(15_050);
            assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'balance.adjust' AND object_id = ?"
                    + " AND actor_name = 'admin'", Long.toString(texts.customerId(customer)))).isEqualTo(1);

            adminUser.taps("Ban");
            adminUser.says("chargeback fraud");
            assertThat(jdbc.sql("SELECT banned FROM customers WHERE id = :id").param("id", texts.customerId(customer))
                    .query(Boolean.class).single()).isTrue();
            adminUser.taps("Unban");
            assertThat(jdbc.sql("SELECT banned FROM customers WHERE id = :id").param("id", texts.customerId(customer))
                    .query(Boolean.class).single()).isFalse();
            assertThat(db.count("SELECT count(*) FROM audit_log WHERE action IN ('customer.ban', 'customer.unban')"
                    + " AND object_id = ? AND actor_name = 'admin'",
                            Long.toString(texts.customerId(customer)))).isEqualTo(2);

            // A customer replaying an admin button gets nothing.
            customer.tapsData(adminUser.button("Reset trial").replace("~", "~x"));
            customer.tapsData(new CallbackCodecAccess(codec).encode(customer.id, "at",
                    Long.toString(texts.customerId(customer))));
            assertThat(customer.only("answerCallbackQuery").body().get("text").asString())
                    .isEqualTo(texts.text("en", "admin.denied"));
        } finally {
            jdbc.sql("UPDATE staff SET telegram_id = NULL WHERE username = 'admin'").update();
        }
    }

    @Autowired
    CallbackCodec codec;

    private Map<String, Object> forumMessage(long from, String text) {
        Map<String, Object> message = new HashMap<>(Map.of("message_id", 77, "date", 1_764_000_000,
                "chat", Map.of("id", FORUM, "type", "supergroup", "is_forum", true),
                "from", Map.of("id", from, "is_bot", false, "first_name", "Operator"),
                "message_thread_id", 4242, "is_topic_message", true));
        message.put("text", text);
        return Map.of("update_id", TestIds.updateId(), "message", message);
    }

    /** The codec is package-private; this keeps the test's intent readable. */
    private record CallbackCodecAccess(CallbackCodec codec) {
        String encode(long userId, String... parts) {
            return codec.encode(userId, parts);
        }
    }
}
