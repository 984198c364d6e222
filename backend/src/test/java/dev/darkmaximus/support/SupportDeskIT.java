package dev.darkmaximus.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * Support and customer messages from the admin side: the queue, answering (delivered in the bot), taking and
 * closing a ticket, writing to a customer; operators may do all of it, and every step is audited.
 */
class SupportDeskIT extends PanelBackedTest {

    private static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;

    @Autowired
    PasswordEncoder passwords;

    String operator;
    long operatorId;

    @BeforeEach
    void operatorSignedIn() {
        Operators.Operator desk = Operators.signedIn(api, jdbc, passwords, "desk");
        operatorId = desk.id();
        operator = desk.token();
    }

    @Test
    void anOperatorAnswersTakesAndClosesATicketTheCustomerGetsEachInTheBot() {
        Shop.Customer customer = shop.customer();
        chatAnswers(customer.telegramId());
        long ticket = api.post("/api/v1/me/tickets/messages", Map.of("text", "My key is slow\nsince Monday"),
                customer.token()).expect(200).json().path("id").asLong();

        JsonNode queue = api.get("/api/v1/admin/tickets?customerId=" + customer.id(), operator).expect(200).json();
        assertThat(queue.path("data")).hasSize(1);
        JsonNode row = queue.path("data").get(0);
        assertThat(row.path("id").asLong()).isEqualTo(ticket);
        assertThat(row.path("subject").asString()).isEqualTo("My key is slow");
        assertThat(row.path("status").asString()).isEqualTo("OPEN");
        assertThat(row.path("customerName").asString()).isNotBlank();
        assertThat(row.path("messageCount").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/admin/tickets?unassigned=true&status=OPEN&limit=100", operator).json()
                .path("data").findValuesAsString("subject")).contains("My key is slow");

        JsonNode answered = api.post("/api/v1/admin/tickets/" + ticket + "/replies",
                Map.of("text", "Please reinstall <the> profile"), operator).expect(200).json();
        assertThat(answered.path("status").asString()).isEqualTo("WAITING_CUSTOMER");
        assertThat(answered.path("assigneeId").asLong()).as("taken by whoever answered").isEqualTo(operatorId);
        assertThat(answered.path("messages")).hasSize(2);
        outbox.run("support.deliver:");
        assertThat(sentTo(customer.telegramId())).anySatisfy(text -> assertThat(text).contains("reinstall"));
        assertThat(api.get("/api/v1/admin/tickets?assigneeId=" + operatorId, operator).json().path("data")
                .findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(ticket);

        api.put("/api/v1/admin/tickets/" + ticket + "/assignee", Map.of("staffId", 999_999_999L), operator)
                .problem(400, "validation_failed");
        Map<String, Object> nobody = new HashMap<>();
        nobody.put("staffId", null);
        assertThat(api.put("/api/v1/admin/tickets/" + ticket + "/assignee", nobody, operator).expect(200).json()
                .path("assigneeId").isNull()).isTrue();

        JsonNode closed = api.post("/api/v1/admin/tickets/" + ticket + "/close", Map.of(), operator).expect(200).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        api.post("/api/v1/admin/tickets/" + ticket + "/close", Map.of(), operator).expect(200);
        api.post("/api/v1/admin/tickets/" + ticket + "/replies", Map.of("text", "one more"), operator)
                .problem(409, "ticket_closed");
        api.post("/api/v1/admin/tickets/" + ticket + "/replies", Map.of("text", " "), operator)
                .problem(400, "validation_failed");
        api.get("/api/v1/admin/tickets/999999999", operator).problem(404, "not_found");
        api.get("/api/v1/admin/tickets", customer.token()).problem(403, "forbidden");

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE object_type = 'ticket' AND object_id = :id "
                        + "AND actor_id = :staff ORDER BY id").param("id", Long.toString(ticket))
                .param("staff", Long.toString(operatorId)).query(String.class).list())
                .containsExactly("ticket.reply", "ticket.assign", "ticket.close");
    }

    @Test
    void staffWriteToACustomerInTheBotAndSeeWhatTheyWereSent() {
        Shop.Customer customer = shop.customer();
        chatAnswers(customer.telegramId());

        JsonNode queued = api.post("/api/v1/admin/customers/" + customer.id() + "/messages",
                Map.of("text", "Your server moved & the key was updated"), operator).expect(202).json();
        assertThat(queued.path("status").asString()).isEqualTo("QUEUED");
        outbox.run("notification:" + queued.path("id").asLong());

        assertThat(sentTo(customer.telegramId())).singleElement().satisfies(text ->
                assertThat(text).contains("Your server moved &amp; the key was updated"));
        JsonNode sent = api.get("/api/v1/admin/customers/" + customer.id() + "/notifications", operator)
                .expect(200).json();
        assertThat(sent.get(0).path("templateKey").asString()).isEqualTo("staff.message");
        assertThat(sent.get(0).path("status").asString()).isEqualTo("SENT");

        api.post("/api/v1/admin/customers/" + customer.id() + "/messages", Map.of("text", ""), operator)
                .problem(400, "validation_failed");
        api.post("/api/v1/admin/customers/999999999/messages", Map.of("text", "hi"), operator).problem(404,
                "not_found");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'customer.message' AND object_id = :id")
                .param("id", Long.toString(customer.id())).query(Long.class).single()).isEqualTo(1);
    }

    private static void chatAnswers(long telegramId) {
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(telegramId))))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":5,\"date\":1764000000,"
                        + "\"chat\":{\"id\":" + telegramId + ",\"type\":\"private\"}}}")));
    }

    private static List<String> sentTo(long telegramId) {
        return TestTelegram.server().findAll(postRequestedFor(urlMatching("(?i)" + BOT + "/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(telegramId)))))
                .stream().map(r -> r.getBodyAsString()).toList();
    }
}
