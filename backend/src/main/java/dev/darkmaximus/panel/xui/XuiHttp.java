package dev.darkmaximus.panel.xui;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelProperties;

/**
 * HTTP to 3x-ui panels, shared by the v2 and v3 adapters: a client per host (TLS verified, or not when the operator
 * turned it off for a self-signed panel), retries with exponential backoff on network errors and 5xx, the host's
 * circuit breaker, a timer per host and operation, and the {success, msg, obj} envelope.
 */
@Component
public class XuiHttp {

    private final PanelProperties properties;
    private final CircuitBreakers breakers;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public XuiHttp(PanelProperties properties, CircuitBreakers breakers, MeterRegistry meters, JsonMapper json) {
        this.properties = properties;
        this.breakers = breakers;
        this.meters = meters;
        this.json = json;
    }

    JsonMapper json() {
        return json;
    }

    HttpRequest.Builder request(PanelConnection panel, String path) {
        return HttpRequest.newBuilder(java.net.URI.create(panel.root() + path)).timeout(properties.readTimeout())
                .header("Accept", "application/json");
    }

    /** Sends with retries; any non-5xx answer is returned for the adapter to judge (404/401 mean "sign in again"). */
    HttpResponse<String> send(PanelConnection panel, String operation, HttpRequest request) {
        breakers.beforeCall(panel.hostId());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            HttpResponse<String> response = sendWithRetries(panel, request);
            breakers.succeeded(panel.hostId());
            outcome = response.statusCode() < 400 ? "answered" : "refused";
            return response;
        } catch (PanelException e) {
            breakers.failed(panel.hostId());
            throw e;
        } finally {
            sample.stop(meters.timer("dm.panel.requests", "host", Long.toString(panel.hostId()),
                    "operation", operation, "outcome", outcome));
        }
    }

    private HttpResponse<String> sendWithRetries(PanelConnection panel, HttpRequest request) {
        long backoff = properties.backoff().toMillis();
        PanelException last = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            try {
                HttpResponse<String> response = client(panel).send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new PanelException("panel answered HTTP " + response.statusCode(), true);
            } catch (IOException e) {
                last = new PanelException("panel unreachable: " + e.getClass().getSimpleName(), true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PanelException("interrupted", true, e);
            }
            if (attempt < properties.attempts()) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw last;
    }

    /** The panel's {success, msg, obj}: obj when success is true, else a refusal with the panel's message. */
    JsonNode envelope(HttpResponse<String> response, String operation) {
        JsonNode body;
        try {
            body = json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (JacksonException e) {
            throw new PanelException(operation + ": panel answered HTTP " + response.statusCode() + " without JSON", true);
        }
        if (response.statusCode() >= 400 || !body.path("success").asBoolean(false)) {
            throw new PanelException(operation + " refused by the panel: " + body.path("msg").asString(
                    "HTTP " + response.statusCode()), false);
        }
        return body.path("obj");
    }

    private HttpClient client(PanelConnection panel) {
        return clients.computeIfAbsent(panel.hostId() + ":" + panel.tlsVerify(), key -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (!panel.tlsVerify()) {
                builder.sslContext(trustingContext());
            }
            return builder.build();
        });
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustingTrustManager()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** A path segment such as an email, escaped for the URL. */
    static String segment(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanelException("interrupted", true, e);
        }
    }
}
