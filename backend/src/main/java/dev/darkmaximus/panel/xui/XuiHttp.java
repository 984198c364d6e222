package dev.darkmaximus.panel.xui;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelCertificates;
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

    /**
     * A request to the panel. {@code X-Requested-With} makes an unauthenticated call answer 401 instead of a 307
     * redirect on v2 up to v2.8.3 ({@code web/controller/base.go} checkLogin) and 401 instead of 404 on v3.0.2+
     * ({@code api.go} checkAPIAuth); later v2 panels answer 404 either way.
     */
    HttpRequest.Builder request(PanelConnection panel, String path) {
        return HttpRequest.newBuilder(URI.create(panel.root() + path)).timeout(properties.readTimeout())
                .header("Accept", "application/json").header("X-Requested-With", "XMLHttpRequest");
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

    /**
     * Reads are retried on network errors and 5xx; writes (POST) are sent once: a write whose answer was lost may
     * have landed, and 3x-ui appends a second client for a repeated add on some versions (v3.0 … v3.4
     * {@code AddInboundClient}). The caller reads the panel again instead (the outbox retries the whole push).
     */
    private HttpResponse<String> sendWithRetries(PanelConnection panel, HttpRequest request) {
        long backoff = properties.backoff().toMillis();
        PanelException last = null;
        int attempts = "GET".equals(request.method()) ? properties.attempts() : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client(panel).send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new PanelException("panel answered HTTP " + response.statusCode(), true);
            } catch (IOException e) {
                SSLHandshakeException handshake = untrusted(e);
                last = handshake != null
                        ? new PanelException("the panel's TLS certificate is not trusted (" + handshake.getMessage()
                                + "): give the host its CA certificate, or fix the certificate", true, e)
                        : new PanelException("panel unreachable: " + e.getClass().getSimpleName(), true, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PanelException("interrupted", true, e);
            }
            if (attempt < attempts) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw last;
    }

    /** The panel's {success, msg, obj}: obj when success is true, else a refusal with the panel's message. */
    JsonNode envelope(HttpResponse<String> response, String operation) {
        Envelope envelope = read(response, operation);
        if (!envelope.success()) {
            throw new PanelException(operation + " refused by the panel: " + envelope.message(), false);
        }
        return envelope.obj();
    }

    /**
     * The {success, msg, obj} envelope of an HTTP 200 answer (3x-ui answers refusals with 200 and success:false).
     * Any other status, or a body that isn't the envelope, is an error: it never means "no such client".
     */
    Envelope read(HttpResponse<String> response, String operation) {
        if (response.statusCode() != 200) {
            throw new PanelException(operation + ": the panel answered HTTP " + response.statusCode(), false);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body() == null || response.body().isBlank() ? "null" : response.body());
        } catch (JacksonException e) {
            throw new PanelException(operation + ": the panel answered without JSON", true);
        }
        if (body == null || !body.isObject() || !body.path("success").isBoolean()) {
            throw new PanelException(operation + ": the panel's answer is not its {success, msg, obj} envelope", false);
        }
        return new Envelope(body.path("success").asBoolean(), body.path("msg").asString("").replace("\n", "").strip(),
                body.path("obj"));
    }

    /** @param message the panel's msg without the trailing newline its Go errors carry */
    record Envelope(boolean success, String message, JsonNode obj) {

        boolean objAbsent() {
            return obj == null || obj.isNull() || obj.isMissingNode();
        }
    }

    /** Drops the host's HTTP clients (a one-off check of an unsaved host). */
    void forget(long hostId) {
        clients.keySet().removeIf(key -> key.startsWith(hostId + ":"));
    }

    private HttpClient client(PanelConnection panel) {
        String ca = panel.caCertificate();
        String key = panel.hostId() + ":" + panel.tlsVerify() + ":" + (ca == null ? "" : sha256(ca));
        return clients.computeIfAbsent(key, unused -> {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (!panel.tlsVerify()) {
                builder.sslContext(trustingContext());
            } else if (ca != null) {
                try {
                    builder.sslContext(PanelCertificates.trustingOnly(ca));
                } catch (RuntimeException unusable) {
                    throw new PanelException("the host's CA certificate can't be used: " + unusable.getMessage(),
                            false, unusable);
                }
            }
            return builder.build();
        });
    }

    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingTrustManager()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** The handshake failure inside an I/O error (the HTTP client wraps it on some paths), or null. */
    private static SSLHandshakeException untrusted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException handshake) {
                return handshake;
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path segment such as an email, escaped for the URL. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
