package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.KeyedOrders;
import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.messaging.AdminAlerts;
import dev.darkmaximus.messaging.AlertTemplates;
import dev.darkmaximus.messaging.NotificationService;
import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.panel.ClientSpec;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.VpnPanel;
import dev.darkmaximus.panel.VpnPanels;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.outbox.OutboxHandler;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * Makes the panel client match the shop's key with one upsert, so a client an interrupted attempt already created is
 * adopted (never two clients for one key); a key being provisioned is then activated and {@link KeyProvisioned}
 * published. Any panel failure throws, and the outbox retries with backoff; when the attempts run out the key is
 * marked failed for an admin.
 */
@Component
class KeyPushHandler implements OutboxHandler {

    private static final Logger log = LoggerFactory.getLogger(KeyPushHandler.class);

    private final VpnKeyRepository keys;
    private final HostService hosts;
    private final PlanService plans;
    private final CustomerService customers;
    private final VpnPanels panels;
    private final NotificationService notifications;
    private final AdminAlerts alerts;
    private final KeyFormats formats;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;
    private final KeyedOrders orders;
    private final Clock clock;

    KeyPushHandler(VpnKeyRepository keys, HostService hosts, PlanService plans, CustomerService customers,
                   VpnPanels panels, NotificationService notifications, KeyFormats formats,
                   TransactionTemplate transactions, JsonMapper json, MeterRegistry meters,
                   ApplicationEventPublisher events, AdminAlerts alerts, KeyedOrders orders, Clock clock) {
        this.alerts = alerts;
        this.orders = orders;
        this.keys = keys;
        this.hosts = hosts;
        this.plans = plans;
        this.customers = customers;
        this.panels = panels;
        this.notifications = notifications;
        this.formats = formats;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KeyPushes.KIND;
    }

    @Override
    public void handle(JsonDocument payload) {
        long keyId = json.readTree(payload.json()).path("keyId").asLong();
        VpnKey key = keys.findById(keyId).orElse(null);
        if (key == null || key.status() == VpnKey.KeyStatus.REVOKED) {
            return; // revoked after the task was written: the panel client is gone on purpose
        }
        CustomerView customer = customers.get(key.customerId());
        PanelConnection connection = hosts.panelConnection(key.hostId());
        VpnPanel panel = panels.forType(connection.panelType());
        boolean provisioning = key.status() == VpnKey.KeyStatus.PROVISIONING
                || key.status() == VpnKey.KeyStatus.FAILED;
        Instant now = clock.instant();
        // A key prepared late still gets its whole term: the wait is added to the expiry set at purchase.
        Instant expires = provisioning && key.expiresAt() != null
                ? key.expiresAt().plus(Duration.between(key.createdAt(), now).isNegative()
                        ? Duration.ZERO : Duration.between(key.createdAt(), now))
                : key.expiresAt();
        Optional<PlanView> plan = plan(key);
        ClientSpec spec = new ClientSpec(key.panelEmail(), key.panelClientUuid(), key.subscriptionId(), expires,
                key.trafficLimitBytes(), plan.map(PlanView::deviceLimit).orElse(0), key.enabled(),
                customer.telegramId(), comment(customer), plan.map(PlanView::squads).orElse(null));
        PanelClient client = panel.upsertClient(connection, spec);
        if (!provisioning) {
            if (keys.findById(keyId).map(VpnKey::version).orElse(key.version()) != key.version()) {
                // Changed while we were at the panel: our write may have landed after a newer push, so push again.
                throw new IllegalStateException("key " + keyId + " changed during the push; pushing again");
            }
            orders.keyDelivered(keyId);
            return;
        }
        // A panel with its own subscription address (Remnawave) gives the key its link; 3x-ui's is built from the
        // inbound.
        String panelSubscription = client.subscriptionUrl();
        String link = panelSubscription != null ? panelSubscription
                : panel.connectionLink(connection, spec, formats.remark(key, hosts.get(key.hostId()).name()))
                        .orElse(null);
        transactions.executeWithoutResult(tx -> {
            Optional<Integer> activated = keys.activate(keyId, key.version(), now, expires, link, panelSubscription,
                    now);
            if (activated.isEmpty()) {
                // Changed while we were at the panel (extended, disabled): push again with the newer state.
                throw new IllegalStateException("key " + keyId + " changed during provisioning; pushing again");
            }
            events.publishEvent(new KeyProvisioned(keyId, key.customerId(), key.number(), key.hostId(), expires));
            orders.keyDelivered(keyId);
        });
        // From order (or trial) to a working key: the wait customers feel, outages included.
        meters.timer("dm.keys.provisioning", "host", Long.toString(key.hostId()))
                .record(Duration.between(key.createdAt(), now));
        log.atInfo().addKeyValue("keyId", keyId).addKeyValue("hostId", key.hostId()).log("key provisioned");
    }

    @Override
    public void onDeadLetter(JsonDocument payload) {
        long keyId = json.readTree(payload.json()).path("keyId").asLong();
        transactions.executeWithoutResult(tx -> keys.findById(keyId).ifPresent(key -> {
            if (keys.markFailed(keyId, clock.instant()) == 1) {
                notifications.queue(key.customerId(), "key_failed", Templates.KEY_FAILED,
                        Map.of("key_number", Integer.toString(key.number())), "key.failed:" + keyId);
                alerts.queue(AlertTemplates.KEY_FAILED, Map.of("key_id", Long.toString(keyId),
                        "customer_id", Long.toString(key.customerId()), "host_id", Long.toString(key.hostId())),
                        "key.failed:" + keyId);
            }
        }));
    }

    /** The key's plan for its device limit and squads; none for a trial without a plan, or a plan gone since. */
    private Optional<PlanView> plan(VpnKey key) {
        if (key.planId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(plans.get(key.planId()));
        } catch (ApiException planGone) {
            return Optional.empty();
        }
    }

    private static String comment(CustomerView customer) {
        return "tg " + customer.telegramId() + (customer.username() == null ? "" : " @" + customer.username());
    }
}
