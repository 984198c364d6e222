package dev.darkmaximus.platform.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/**
 * The few Bot API methods the backend calls itself (messages to customers). Telegram's answers are mapped to what
 * the caller must do: {@link Blocked} (stop writing to this chat), {@link RetryLater} (429 or Telegram down), or
 * {@link Refused} (the request itself is wrong; retrying won't help).
 */
@Component
public class TelegramBotApi {

    private final TelegramProperties properties;
    private final JsonMapper json;
    private final SingletonSupplier<HttpClient> http =
            SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

    public TelegramBotApi(TelegramProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public boolean configured() {
        return properties.botConfigured();
    }

    /** Sends an HTML message; returns Telegram's message id. */
    public long sendMessage(long chatId, String html) {
        JsonNode result = call("sendMessage", Map.of("chat_id", chatId, "text", html, "parse_mode", "HTML",
                "link_preview_options", Map.of("is_disabled", true)));
        return result.path("message_id").asLong();
    }

    /** A Stars invoice link (currency XTR, no provider token) whose payload names our order. */
    public String createStarsInvoiceLink(String title, String description, String payload, long stars) {
        return call("createInvoiceLink", Map.of("title", title, "description", description, "payload", payload,
                "provider_token", "", "currency", "XTR",
                "prices", List.of(Map.of("label", title, "amount", stars)))).asString();
    }

    /** Answers a pre-checkout query: ok, or refused with a message Telegram shows the customer. */
    public void answerPreCheckoutQuery(String queryId, boolean ok, String errorMessage) {
        Map<String, Object> body = new HashMap<>(Map.of("pre_checkout_query_id", queryId, "ok", ok));
        if (!ok) {
            body.put("error_message", errorMessage);
        }
        call("answerPreCheckoutQuery", body);
    }

    /** Returns a Stars payment to the payer. */
    public void refundStarPayment(long userId, String telegramPaymentChargeId) {
        call("refundStarPayment", Map.of("user_id", userId, "telegram_payment_charge_id", telegramPaymentChargeId));
    }

    /**
     * A page of the bot's Star transactions ({@code getStarTransactions}, Bot API 7.5+): oldest first, {@code offset}
     * counted from the oldest, {@code limit} 1–100. Each is {@code {id, date, amount, source|receiver, …}}.
     */
    public List<JsonNode> starTransactions(int offset, int limit) {
        JsonNode list = call("getStarTransactions", Map.of("offset", offset, "limit", limit)).path("transactions");
        return list.isArray() ? list.valueStream().toList() : List.of();
    }

    private JsonNode call(String method, Map<String, Object> body) {
        if (!configured()) {
            throw new Refused("the Telegram bot token is not configured");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.apiBaseUrl() + "/bot"
                        + properties.botToken() + "/" + method))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RetryLater("Telegram unreachable: " + e.getClass().getSimpleName(), Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted", Duration.ofSeconds(5));
        }
        JsonNode answer = parse(response.body());
        if (answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        String description = answer.path("description").asString("HTTP " + response.statusCode());
        int code = answer.path("error_code").asInt(response.statusCode());
        if (code == 403) {
            throw new Blocked(description);
        }
        if (code == 429) {
            throw new RetryLater(description, Duration.ofSeconds(answer.path("parameters").path("retry_after").asLong(1)));
        }
        if (code >= 500) {
            throw new RetryLater(description, Duration.ofSeconds(5));
        }
        throw new Refused(description);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    /** The customer blocked the bot or deleted the account (403). */
    public static final class Blocked extends RuntimeException {
        Blocked(String message) {
            super(message);
        }
    }

    /** Flood limit or Telegram trouble: try again after {@link #after()}. */
    public static final class RetryLater extends RuntimeException {
        private final Duration after;

        RetryLater(String message, Duration after) {
            super(message);
            this.after = after;
        }

        public Duration after() {
            return after;
        }
    }

    /** Telegram refused this request for good (bad chat id, malformed text, bot not configured). */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
