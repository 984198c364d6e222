package dev.darkmaximus.payment.yookassa;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.payment.ProviderException;
import dev.darkmaximus.payment.ProviderTexts;

/**
 * Our own small YooKassa API v3 client (no Java SDK is available): Basic auth, an {@code Idempotence-Key} on every
 * POST that stays the same across retries, retries with backoff on network errors, 429 and 5xx only.
 */
@Component
class YooKassaClient {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final YooKassaProperties properties;
    private final YooKassaAccount account;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final SingletonSupplier<HttpClient> http;

    YooKassaClient(YooKassaProperties properties, YooKassaAccount account, JsonMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.account = account;
        this.json = json;
        this.meters = meters;
        // Made on the first call: a shop that never uses this provider pays for no TLS context or selector thread.
        this.http = SingletonSupplier.of(
                () -> HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
    }

    JsonNode createPayment(String idempotenceKey, Map<String, Object> body) {
        return call("POST", "/payments", idempotenceKey, body);
    }

    JsonNode getPayment(String id) {
        return call("GET", "/payments/" + pathSegment(id), null, null);
    }

    /**
     * A page of {@code GET /payments} (succeeded, captured within [from, to), 100 at most), after {@code cursor}
     * when not null: {@code {"type":"list","items":[…],"next_cursor":"…"}}, the cursor absent on the last page.
     */
    JsonNode succeededPayments(Instant from, Instant to, String cursor) {
        String query = "?status=succeeded&limit=100&captured_at.gte=" + iso(from) + "&captured_at.lt=" + iso(to)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return call("GET", "/payments" + query, null, null);
    }

    /** YooKassa's date form: ISO 8601 in UTC with milliseconds (2026-12-05T00:00:00.000Z). */
    private static String iso(Instant at) {
        return ISO_MILLIS.format(at);
    }

    JsonNode createRefund(String idempotenceKey, Map<String, Object> body) {
        return call("POST", "/refunds", idempotenceKey, body);
    }

    JsonNode getRefund(String id) {
        return call("GET", "/refunds/" + pathSegment(id), null, null);
    }

    /** "199.00" ↔ 19900 kopecks: YooKassa amounts are decimal strings. */
    static String amount(long kopecks) {
        return ProviderTexts.decimal(kopecks);
    }

    static long kopecks(String value) {
        return new BigDecimal(value).movePointRight(2).longValueExact();
    }

    /** Kopecks, or -1 for a value that isn't a whole number of kopecks (never equal to an amount of ours). */
    static long kopecksOrUnknown(String value) {
        return ProviderTexts.minorOrUnknown(value);
    }

    private JsonNode call(String method, String path, String idempotenceKey, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.apiBaseUrl() + path))
                .timeout(properties.readTimeout())
                .header("Authorization", account.authorization())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .header("Idempotence-Key", idempotenceKey)
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long wait = properties.backoff().toMillis();
        ProviderException last = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            if (attempt > 1) {
                sleep(wait);
                wait *= 2;
            }
            Timer.Sample sample = Timer.start(meters);
            String outcome = "error";
            try {
                HttpResponse<String> response = http.obtain().send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                outcome = Integer.toString(status);
                if (status >= 200 && status < 300) {
                    return json.readTree(response.body());
                }
                String description = describe(response.body(), status);
                boolean retryable = status == 429 || status >= 500;
                last = new ProviderException("YooKassa " + status + ": " + description, retryable);
                if (!retryable) {
                    throw last;
                }
            } catch (IOException e) {
                last = new ProviderException("YooKassa unreachable: " + e.getClass().getSimpleName(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("interrupted", true);
            } finally {
                sample.stop(meters.timer("dm.payments.provider.requests", "provider", "yookassa", "outcome", outcome));
            }
        }
        throw last;
    }

    private String describe(String body, int status) {
        try {
            JsonNode error = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return error.path("code").asString("http_" + status) + " " + error.path("description").asString("");
        } catch (RuntimeException notJson) {
            return "http_" + status;
        }
    }

    private static String pathSegment(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new ProviderException("not a YooKassa id: " + id, false);
        }
        return id;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
