package dev.darkmaximus.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.integration.persistence.WebhookDeliveries;
import dev.darkmaximus.integration.persistence.WebhookEndpoints;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.platform.outbox.OutboxRetry;

/**
 * Sends one webhook delivery, signed, and records what the receiver answered. Any 2xx is delivered; anything else
 * (another status, a redirect, a timeout, a refused connection) is retried by the outbox with exponential backoff
 * for a little over a day. An endpoint failing for {@code dm.webhooks.disable-after} is switched off, once, with an
 * admin alert; its pending deliveries then end as failed, and an admin resends them after fixing the receiver.
 * Timeouts are short (3 s to connect, {@code dm.webhooks.timeout} 5 s to answer): deliveries share the outbox's
 * batches with key provisioning, and a dead receiver must not hold those up.
 */
@Component
class WebhookSender implements OutboxHandler {

    static final String KIND = "webhook.deliver";
    /** 30 s, 1, 2, 4 … 32 min, then hourly: 32 attempts cover 25 hours. */
    static final OutboxRetry RETRY = new OutboxRetry(32, Duration.ofSeconds(30), Duration.ofHours(1));

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final SecretCipher cipher;
    private final AdminAlerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;
    private final SingletonSupplier<HttpClient> http;
    private final Duration timeout;
    private final Duration disableAfter;
    private final boolean allowPrivate;

    WebhookSender(WebhookDeliveries deliveries, WebhookEndpoints endpoints, SecretCipher cipher, AdminAlerts alerts,
                  TransactionTemplate transactions, Clock clock, JsonMapper json,
                  @Value("${dm.webhooks.timeout:5s}") Duration timeout,
                  @Value("${dm.webhooks.disable-after:24h}") Duration disableAfter,
                  @Value("${dm.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.cipher = cipher;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
        this.timeout = timeout;
        this.disableAfter = disableAfter;
        // Redirects are not followed: a receiver that moved is told to the admin as a failure, not silently chased.
        this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<OutboxRetry> retry() {
        return Optional.of(RETRY);
    }

    @Override
    public void handle(JsonDocument payload) throws WebhookFailed {
        long id = deliveryId(payload);
        WebhookDeliveries.StoredDelivery delivery = deliveries.find(id).orElse(null);
        if (delivery == null || "DELIVERED".equals(delivery.status())) {
            return; // deleted with its endpoint, or a retry of one that got through: nothing to send
        }
        WebhookEndpoints.StoredEndpoint endpoint = endpoints.find(delivery.endpointId()).orElse(null);
        if (endpoint == null || !endpoint.enabled()) {
            deliveries.failed(id, "The endpoint is switched off; resend after switching it on.");
            return;
        }
        Instant now = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error;
        Optional<String> refused = allowPrivate ? Optional.empty()
                : WebhookAddresses.refusal(URI.create(endpoint.url()).getHost());
        try {
            if (refused.isPresent()) {
                throw new IOException("not sent: " + refused.get()
                        + " (DM_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true allows your own network)");
            }
            HttpResponse<Void> response = http.obtain().send(request(endpoint, delivery, now),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status >= 200 && status < 300) {
                deliveries.attempted(id, "DELIVERED", status, elapsedMs(started), null, now);
                endpoints.succeeded(endpoint.id(), now);
                return;
            }
            error = "HTTP " + status;
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailed("interrupted");
        } catch (IllegalArgumentException e) {
            error = "not a URL this shop can send to: " + e.getMessage();
        }
        deliveries.attempted(id, "PENDING", status, elapsedMs(started), error, now);
        Instant failingSince = endpoints.failed(endpoint.id(), now);
        if (!failingSince.isAfter(now.minus(disableAfter))) {
            switchOff(endpoint, failingSince, error);
            deliveries.failed(id, "The endpoint was switched off after failing since " + failingSince + ": " + error);
            return;
        }
        throw new WebhookFailed(error);
    }

    @Override
    public void onDeadLetter(JsonDocument payload) {
        deliveries.failed(deliveryId(payload), "Gave up after " + RETRY.maxAttempts() + " attempts.");
    }

    private HttpRequest request(WebhookEndpoints.StoredEndpoint endpoint, WebhookDeliveries.StoredDelivery delivery,
                                Instant now) {
        String signature = WebhookSignature.header(cipher.decrypt(endpoint.secret()), now.getEpochSecond(),
                delivery.payload());
        return HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "DarkMaximus-Webhooks/1")
                .header("X-DM-Event", delivery.eventType())
                .header("X-DM-Event-Id", Long.toString(delivery.eventId()))
                .header("X-DM-Delivery", Long.toString(delivery.id()))
                .header("X-DM-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
    }

    private void switchOff(WebhookEndpoints.StoredEndpoint endpoint, Instant failingSince, String error) {
        transactions.executeWithoutResult(tx -> {
            if (endpoints.disableIfEnabled(endpoint.id(), "Failing since " + failingSince + ": " + error,
                    clock.instant())) {
                alerts.queue(AlertTemplates.WEBHOOK_DISABLED, Map.of("id", Long.toString(endpoint.id()),
                        "url", endpoint.url(), "since", failingSince.toString(), "error", error),
                        "webhook-off:" + endpoint.id() + ":" + failingSince.toEpochMilli());
            }
        });
    }

    private long deliveryId(JsonDocument payload) {
        return json.readTree(payload.json()).path("deliveryId").asLong();
    }

    private static long elapsedMs(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    /** A failed attempt: the outbox tries again after its backoff. */
    static final class WebhookFailed extends Exception {

        WebhookFailed(String message) {
            super(message);
        }
    }
}
