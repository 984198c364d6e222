package dev.darkmaximus.panel;

import java.io.IOException;
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

/**
 * HTTP to VPN panels, whatever their kind: a client per host (TLS verified, pinned to the host's own CA, or not
 * verified when the operator turned it off for a self-signed panel), retries with exponential backoff on network
 * errors and 5xx for calls that are safe to repeat, the host's circuit breaker, and a timer per host and operation.
 * Adapters build the requests and judge the answers.
 */
@Component
public class PanelTransport {

    private final PanelProperties properties;
    private final CircuitBreakers breakers;
    private final MeterRegistry meters;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    public PanelTransport(PanelProperties properties, CircuitBreakers breakers, MeterRegistry meters) {
        this.properties = properties;
        this.breakers = breakers;
        this.meters = meters;
    }

    public PanelProperties properties() {
        return properties;
    }

    /**
     * Sends through the host's circuit; any answer below 500 is returned for the adapter to judge.
     *
     * @param repeatable whether the call may be sent again after a network error or a 5xx: reads and idempotent
     *                   writes; a write whose answer was lost may have landed, so others are sent once and the
     *                   caller reads the panel again instead (the outbox retries the whole push)
     */
    public HttpResponse<String> send(PanelConnection panel, String operation, HttpRequest request, boolean repeatable) {
        breakers.beforeCall(panel.hostId());
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            HttpResponse<String> response = sendWithRetries(panel, request, repeatable ? properties.attempts() : 1);
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

    private HttpResponse<String> sendWithRetries(PanelConnection panel, HttpRequest request, int attempts) {
        long backoff = properties.backoff().toMillis();
        PanelException last = null;
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
            } catch (IllegalArgumentException unusable) {
                // An address the HTTP client can't call (a port past 65535 …): the host's settings, not the network.
                throw new PanelException("the panel's address can't be used: " + unusable.getMessage(), false,
                        unusable);
            }
            if (attempt < attempts) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        throw last;
    }

    /** Drops the host's HTTP clients (a one-off check of an unsaved host, or changed settings). */
    public void forget(long hostId) {
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

    /** A path segment such as an email or a user name, escaped for the URL. */
    public static String segment(String value) {
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
