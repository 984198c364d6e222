package dev.darkmaximus.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.InitData;
import dev.darkmaximus.testsupport.TestIds;
import dev.darkmaximus.testsupport.TestTelegram;

/**
 * A Telegram user talking to the bot through its webhook, with WireMock answering the Bot API for this chat only.
 * {@link #calls()} is what the bot sent to Telegram for this chat since the last step, in order.
 */
final class BotUser {

    static final String BOT = "/bot" + InitData.TEST_BOT_TOKEN;
    static final Map<String, String> SECRET = Map.of("X-Telegram-Bot-Api-Secret-Token", "test-webhook-secret");
    /** Every message the bot sends here gets this id, so taps come from it and edits target it. */
    static final int SCREEN = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CANONICAL = Map.of("sendmessage", "sendMessage",
            "editmessagetext", "editMessageText", "answercallbackquery", "answerCallbackQuery",
            "sendphoto", "sendPhoto", "getchatmember", "getChatMember", "getupdates", "getUpdates",
            "createinvoicelink", "createInvoiceLink");

    final long id;
    final String language;
    private final Api api;
    private final AtomicInteger callbacks = new AtomicInteger();
    private int seen;

    BotUser(Api api, String language) {
        this(api, TestIds.telegramId(), language);
    }

    BotUser(Api api, long id, String language) {
        this.api = api;
        this.id = id;
        this.language = language;
        String message = "{\"ok\":true,\"result\":{\"message_id\":" + SCREEN + ",\"date\":1764000000,"
                + "\"chat\":{\"id\":" + id + ",\"type\":\"private\"}}}";
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/(sendMessage|editMessageText)"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(id)))).willReturn(okJson(message)));
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendPhoto"))
                .withMultipartRequestBody(aMultipart().withName("chat_id").withBody(equalTo(Long.toString(id))))
                .willReturn(okJson(message)));
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/answerCallbackQuery"))
                .withRequestBody(matchingJsonPath("$.callback_query_id", matching("cb" + id + "-.*")))
                .willReturn(okJson("{\"ok\":true,\"result\":true}")));
    }

    /** From now on Telegram refuses every photo to this chat, as the Bot API does (HTTP 400, ok: false). */
    void refusesPhotos(String description) {
        TestTelegram.server().stubFor(post(urlMatching("(?i)" + BOT + "/sendPhoto"))
                .withMultipartRequestBody(aMultipart().withName("chat_id").withBody(equalTo(Long.toString(id))))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.jsonResponse(
                        "{\"ok\":false,\"error_code\":400,\"description\":\"" + description + "\"}", 400)));
    }

    /** Types a message (or a command) in the private chat. */
    BotUser says(String text) {
        mark();
        deliver(Map.of("update_id", TestIds.updateId(), "message", message(text)));
        return this;
    }

    /** Taps a button whose callback data is exactly {@code data}. */
    BotUser tapsData(String data) {
        mark();
        deliver(Map.of("update_id", TestIds.updateId(), "callback_query", Map.of("id",
                "cb" + id + "-" + callbacks.incrementAndGet(), "from", from(), "chat_instance", "ci" + id,
                "data", data, "message", Map.of("message_id", SCREEN, "date", 1_764_000_000,
                        "chat", Map.of("id", id, "type", "private")))));
        return this;
    }

    /** Taps the button of the bot's latest keyboard whose label contains {@code label}. */
    BotUser taps(String label) {
        return tapsData(button(label));
    }

    Api.Response deliver(Map<String, Object> update) {
        return api.post("/telegram/webhook/test-webhook-secret", update, null, SECRET).expect(200);
    }

    Map<String, Object> message(String text) {
        Map<String, Object> message = new HashMap<>(Map.of("message_id", 1 + callbacks.incrementAndGet(),
                "date", 1_764_000_000, "chat", Map.of("id", id, "type", "private"), "from", from()));
        message.put("text", text);
        return message;
    }

    private Map<String, Object> from() {
        return Map.of("id", id, "is_bot", false, "first_name", "Bot", "username", "u" + id,
                "language_code", language);
    }

    /** Forgets what was sent so far; {@link #calls()} starts from here. */
    void mark() {
        seen = all().size();
    }

    /** The Bot API calls for this chat since the last step: method name and JSON body (photos: form fields). */
    List<Call> calls() {
        List<Call> all = all();
        return all.subList(Math.min(seen, all.size()), all.size());
    }

    Call only(String method) {
        List<Call> matching = calls().stream().filter(c -> c.method().equals(method)).toList();
        assertThat(matching).as("%s calls among %s", method, calls()).hasSize(1);
        return matching.getFirst();
    }

    /** The latest screen (a sent or edited message) since the last step. */
    Call screen() {
        List<Call> screens = calls().stream()
                .filter(c -> c.method().equals("sendMessage") || c.method().equals("editMessageText")).toList();
        assertThat(screens).as("screens among %s", calls()).isNotEmpty();
        return screens.getLast();
    }

    String button(String label) {
        for (Call call : calls().reversed()) {
            for (JsonNode row : call.body().path("reply_markup").path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("text").asString().contains(label) && button.has("callback_data")) {
                        return button.get("callback_data").asString();
                    }
                }
            }
        }
        throw new AssertionError("no button containing '" + label + "' in " + calls());
    }

    private List<Call> all() {
        List<Call> calls = new ArrayList<>();
        for (LoggedRequest request : TestTelegram.server().findAll(postRequestedFor(urlMatching(BOT + "/.*"))
                .withRequestBody(containing(Long.toString(id))))) {
            // Bot API method names are case-insensitive; telegrambots names them in lower case.
            String method = CANONICAL.getOrDefault(request.getUrl().substring(BOT.length() + 1).toLowerCase(),
                    request.getUrl().substring(BOT.length() + 1));
            JsonNode body;
            if (request.isMultipart()) {
                var fields = JSON.createObjectNode();
                request.getParts().forEach(part -> {
                    if (!part.getName().equals("photo")) {
                        fields.put(part.getName(), part.getBody().asString());
                    }
                });
                body = fields;
            } else {
                try {
                    body = JSON.readTree(request.getBodyAsString());
                } catch (RuntimeException notJson) {
                    continue;
                }
            }
            boolean mine = body.path("chat_id").asString("").equals(Long.toString(id))
                    || body.path("callback_query_id").asString("").startsWith("cb" + id + "-")
                    || body.path("user_id").asString("").equals(Long.toString(id));
            if (mine) {
                calls.add(new Call(method, body));
            }
        }
        return calls;
    }

    record Call(String method, JsonNode body) {

        String text() {
            return body.has("text") ? body.get("text").asString() : body.path("caption").asString();
        }

        /** Button labels row by row. */
        List<List<String>> labels() {
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                List<String> labels = new ArrayList<>();
                row.forEach(b -> labels.add(b.path("text").asString()));
                rows.add(labels);
            }
            return rows;
        }

        /** The actions of the callback buttons, without their signatures (e.g. {@code k:12}). */
        List<String> actions() {
            List<String> actions = new ArrayList<>();
            for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                row.forEach(b -> {
                    if (b.has("callback_data")) {
                        String data = b.get("callback_data").asString();
                        actions.add(data.substring(0, data.lastIndexOf('~')));
                    }
                });
            }
            return actions;
        }

        String url(String label) {
            for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                for (JsonNode b : row) {
                    if (b.path("text").asString().contains(label)) {
                        return b.path("url").asString(null);
                    }
                }
            }
            return null;
        }
    }
}
