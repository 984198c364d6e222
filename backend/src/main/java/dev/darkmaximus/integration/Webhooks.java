package dev.darkmaximus.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.integration.persistence.WebhookDeliveries;
import dev.darkmaximus.integration.persistence.WebhookEndpoints;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.FieldError;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * The admins' side of outbound webhooks (SPEC §15): register an endpoint for some event types, read its delivery
 * log, resend a delivery, switch it off and on, rotate its secret. Every change is audited, never with the secret.
 */
@Service
public class Webhooks {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookFanout fanout;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final Clock clock;

    private final boolean allowPrivate;

    Webhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookFanout fanout, SecretCipher cipher,
             AuditService audit, Clock clock,
             @Value("${dm.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.fanout = fanout;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookView> list() {
        return endpoints.all().stream().map(WebhookView::from).toList();
    }

    @Transactional(readOnly = true)
    public WebhookView get(long id) {
        return WebhookView.from(load(id));
    }

    @Transactional
    public WebhookSecret create(String url, String description, List<String> events) {
        List<String> types = validate(url, events);
        String secret = WebhookSignature.newSecret();
        long id = endpoints.insert(url.strip(), blankToNull(description), types, cipher.encrypt(secret),
                clock.instant());
        WebhookView created = get(id);
        audit.record("webhook.create", "webhook_endpoint", id, null, created);
        return new WebhookSecret(created, secret);
    }

    /** Replaces URL, description and events; switching it on forgets its failures and gives it a fresh day. */
    @Transactional
    public WebhookView update(long id, String url, String description, List<String> events, boolean enabled) {
        WebhookView before = get(id);
        List<String> types = validate(url, events);
        endpoints.update(id, url.strip(), blankToNull(description), types, clock.instant());
        if (enabled != before.enabled()) {
            endpoints.setEnabled(id, enabled, "Switched off by an admin.", clock.instant());
        }
        WebhookView after = get(id);
        audit.record("webhook.update", "webhook_endpoint", id, before, after);
        return after;
    }

    @Transactional
    public WebhookSecret rotateSecret(long id) {
        WebhookView endpoint = get(id);
        String secret = WebhookSignature.newSecret();
        endpoints.setSecret(id, cipher.encrypt(secret), clock.instant());
        audit.record("webhook.rotate_secret", "webhook_endpoint", id, null, null);
        return new WebhookSecret(endpoint, secret);
    }

    @Transactional
    public void delete(long id) {
        WebhookView before = get(id);
        endpoints.delete(id);
        audit.record("webhook.delete", "webhook_endpoint", id, before, null);
    }

    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long endpointId, Long before, int limit) {
        load(endpointId);
        return deliveries.of(endpointId, before, limit).stream().map(WebhookDelivery::from).toList();
    }

    /**
     * Sends a delivery again once it has ended, delivered or failed (the receiver dedupes by event id); the endpoint
     * must be on.
     */
    @Transactional
    public WebhookDelivery resend(long endpointId, long deliveryId) {
        WebhookDeliveries.StoredDelivery delivery = deliveries.find(deliveryId)
                .filter(d -> d.endpointId() == endpointId)
                .orElseThrow(() -> ApiException.notFound("Delivery", deliveryId));
        if (!load(endpointId).enabled()) {
            throw ApiException.conflict("webhook_disabled", "Switch the endpoint on before resending to it.");
        }
        if ("PENDING".equals(delivery.status())) {
            // Its own task is still trying: a second one would send it twice and race it for the outcome.
            throw ApiException.conflict("delivery_pending", "This delivery is still being tried; resend it once it "
                    + "has been delivered or has failed.");
        }
        fanout.queue(deliveryId, deliveries.resend(deliveryId));
        audit.record("webhook.resend", "webhook_delivery", deliveryId, null,
                Map.of("endpointId", endpointId, "eventId", delivery.eventId()));
        return WebhookDelivery.from(deliveries.find(deliveryId).orElseThrow());
    }

    private WebhookEndpoints.StoredEndpoint load(long id) {
        return endpoints.find(id).orElseThrow(() -> ApiException.notFound("Webhook endpoint", id));
    }

    /** The event types, deduplicated in the feed's order, or field errors on url and events. */
    private List<String> validate(String url, List<String> events) {
        List<FieldError> errors = new ArrayList<>();
        if (!sendable(url)) {
            errors.add(new FieldError("url", "invalid_url",
                    "An absolute http(s) URL with a host, without user or password, up to 2000 characters."));
        } else if (!allowPrivate) {
            // Checked again at every send: a name may point elsewhere later.
            WebhookAddresses.refusal(URI.create(url.strip()).getHost()).ifPresent(why -> errors.add(new FieldError(
                    "url", "private_address", why + "; the shop sends webhooks to public addresses only.")));
        }
        LinkedHashSet<String> asked = new LinkedHashSet<>(events == null ? List.of() : events);
        List<String> unknown = asked.stream().filter(type -> !EventFeed.TYPES.contains(type)).toList();
        if (asked.isEmpty() || !unknown.isEmpty()) {
            errors.add(new FieldError("events", asked.isEmpty() ? "required" : "unknown_event",
                    "One or more of " + String.join(", ", EventFeed.TYPES)
                            + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)) + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "The request has invalid fields; see errors.", errors);
        }
        return EventFeed.TYPES.stream().filter(asked::contains).toList();
    }

    private static boolean sendable(String url) {
        if (url == null || url.isBlank() || url.strip().length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
