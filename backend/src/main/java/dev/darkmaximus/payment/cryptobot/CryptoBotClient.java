package dev.darkmaximus.payment.cryptobot;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.payment.ProviderException;

/**
 * Our own small Crypto Pay API client: {@code POST <root>/<method>} with a JSON body and the app token in
 * {@code Crypto-Pay-API-Token}; every answer is {@code {"ok":true,"result":…}} or {@code {"ok":false,"error":{"code",
 * "name"}}}. Crypto Pay has no idempotence key, so an invoice is created once: a create is tried again only when it
 * certainly never arrived (no connection, or 429), never after a timeout or a 5xx that may have created it. Reads
 * are retried with backoff on network errors, 429 and 5xx.
 */
@Component
@EnableConfigurationProperties(CryptoBotProperties.class)
class CryptoBotClient {

    private final CryptoBotProperties properties;
    private final CryptoBotAccount account;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final SingletonSupplier<HttpClient> http;

    CryptoBotClient(CryptoBotProperties properties, CryptoBotAccount account, JsonMapper json, MeterRegistry meters) {
        this.properties = properties;
        this.account = account;
        this.json = json;
        this.meters = meters;
        // Made on the first call: a shop that never uses this provider pays for no TLS context or selector thread.
        this.http = SingletonSupplier.of(
                () -> HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
    }

    /** {@code createInvoice}: the new invoice. */
    JsonNode createInvoice(Map<String, Object> params) {
        return call("createInvoice", params, false);
    }

    /** {@code getInvoices} by ids: the invoices CryptoBot has of them (missing ones are left out). */
    List<JsonNode> invoices(List<Long> ids) {
        return items(call("getInvoices", Map.of("invoice_ids", String.join(",",
                ids.stream().map(String::valueOf).toList()), "count", Math.max(1, ids.size())), true));
    }

    /** {@code getInvoices} with {@code status}, a page of {@code count} (at most 1,000) from {@code offset}. */
    List<JsonNode> invoicePage(String status, int offset, int count) {
        return items(call("getInvoices", Map.of("status", status, "offset", offset, "count", count), true));
    }

    private static List<JsonNode> items(JsonNode result) {
        JsonNode items = result.path("items");
        return items.isArray() ? items.valueStream().toList() : List.of();
    }

    private JsonNode call(String method, Map<String, Object> params, boolean repeatable) {
        String token = account.token().orElseThrow(() -> new ProviderException("CryptoBot has no token", false));
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.apiBaseUrl() + "/" + method))
                .timeout(properties.readTimeout())
                .header("Crypto-Pay-API-Token", token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(params)))
                .build();
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
                HttpResponse<String> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                outcome = Integer.toString(status);
                JsonNode body = parse(response.body());
                if (status >= 200 && status < 300 && body.path("ok").asBoolean(false)) {
                    return body.path("result");
                }
                String error = body.path("error").path("name").asString("http_" + status);
                boolean retryable = status == 429 || (status >= 500 && repeatable);
                last = new ProviderException("CryptoBot " + method + " " + status + ": " + error,
                        status == 429 || status >= 500);
                if (!retryable) {
                    throw last;
                }
            } catch (ConnectException e) {
                last = new ProviderException("CryptoBot unreachable: " + e.getClass().getSimpleName(), true);
            } catch (IOException e) {
                last = new ProviderException("CryptoBot unreachable: " + e.getClass().getSimpleName(), true);
                if (!repeatable) {
                    throw last; // it may have been created; the poll and the reconciliation find it by its payload
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException("interrupted", true);
            } finally {
                sample.stop(meters.timer("dm.payments.provider.requests", "provider", "cryptobot", "outcome", outcome));
            }
        }
        throw last;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
