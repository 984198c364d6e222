package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.catalog.HostView;
import dev.darkmaximus.catalog.PlanService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.customer.AccessGates;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.customer.CustomerView;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.VpnPanels;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * The key lifecycle (SPEC §4.3). The shop's record changes first, in a transaction that also writes the outbox task
 * pushing the new state to the panel, so a panel outage delays a key but never loses it. Revoking is the exception:
 * the panel must confirm the deletion before the shop forgets the key.
 */
@Service
public class KeyService {

    private final VpnKeyRepository keys;
    private final KeyQueries queries;
    private final KeyPushes pushes;
    private final CustomerService customers;
    private final PlanService plans;
    private final HostService hosts;
    private final VpnPanels panels;
    private final ShopSettings settings;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AccessGates gates;
    private final ApplicationEventPublisher events;

    KeyService(VpnKeyRepository keys, KeyQueries queries, KeyPushes pushes, CustomerService customers,
               PlanService plans, HostService hosts, VpnPanels panels, ShopSettings settings, AuditService audit,
               TransactionTemplate transactions, Clock clock, AccessGates gates, ApplicationEventPublisher events) {
        this.gates = gates;
        this.events = events;
        this.keys = keys;
        this.queries = queries;
        this.pushes = pushes;
        this.customers = customers;
        this.plans = plans;
        this.hosts = hosts;
        this.panels = panels;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The customer's one trial (SPEC §4.3): a key on the trial host, prepared in the background. The shop's entry
     * conditions (terms, channel) are checked first, outside the transaction (the channel check asks Telegram).
     */
    public KeyView requestTrial(long customerId) {
        return requestTrial(customerId, null);
    }

    /** @param hostId the customer's pick among {@link #trialHosts()}; null = the first of them */
    public KeyView requestTrial(long customerId, Long hostId) {
        gates.requireThrough(customerId);
        return transactions.execute(tx -> trial(customerId, hostId));
    }

    /**
     * Where a trial may be taken, in the storefront's order: the trial host when the admins set one, else every
     * enabled host, so a customer with several countries on offer tries the one they will buy.
     */
    public List<HostView> trialHosts() {
        Optional<Long> fixed = settings.trialHostId();
        if (fixed.isPresent()) {
            return hosts.list().stream().filter(h -> h.id() == fixed.get()).toList();
        }
        List<HostView> enabled = hosts.list().stream().filter(HostView::enabled).toList();
        // Hosts whose panel answers, as the storefront offers them; all enabled ones if none does right now.
        List<HostView> answering = enabled.stream().filter(h -> !h.panelDown()).toList();
        return answering.isEmpty() ? enabled : answering;
    }

    private KeyView trial(long customerId, Long chosen) {
        if (!settings.trialEnabled()) {
            throw ApiException.conflict("trial_disabled", "Trials are not offered at the moment.");
        }
        long hostId = trialHost(chosen);
        if (!customers.claimTrial(customerId)) {
            throw ApiException.conflict("trial_used", "You have already used your trial.");
        }
        Instant expires = clock.instant().plus(Duration.ofDays(settings.trialDays()));
        long keyId = create(customerId, hostId, null, true, expires, KeyTerms.gigabytes(settings.trialTrafficGb()));
        return queries.get(keyId);
    }

    /**
     * A new key for a paid order, on the plan's host for the plan's duration. Runs in the order's transaction (the
     * caller marks the order fulfilled in it), so a paid order always has its key task.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long createForOrder(long customerId, long planId, int bonusDays) {
        PlanView plan = plans.get(planId);
        Instant expires = KeyTerms.plus(clock.instant(), plan.durationUnit(), plan.durationValue(), settings.timeZone())
                .plus(Duration.ofDays(bonusDays));
        return create(customerId, plan.hostId(), planId, false, expires, KeyTerms.gigabytes(plan.trafficLimitGb()));
    }

    /**
     * Extends by the plan's duration from max(now, expiry), in the paying transaction. A trial extended with money
     * becomes a paid key on that plan. Returns the new expiry.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant extendForOrder(long keyId, long planId, int bonusDays) {
        return extendOnPlan(keyId, planId, bonusDays, KeyExtended.Cause.ORDER);
    }

    /** As {@link #extendForOrder}, for a {@code cause} other than the shop's own order (an integrator's sale). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Instant extendOnPlan(long keyId, long planId, int bonusDays, KeyExtended.Cause cause) {
        PlanView plan = plans.get(planId);
        VpnKey key = keys.findForUpdate(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        requireExtendable(key);
        Instant expires = KeyTerms.extendedExpiry(clock.instant(), key.expiresAt(), plan.durationUnit(),
                plan.durationValue(), settings.timeZone()).plus(Duration.ofDays(bonusDays));
        int version = keys.extend(keyId, expires, planId, KeyTerms.gigabytes(plan.trafficLimitGb()), false,
                clock.instant()).orElseThrow();
        pushes.push(keyId, version);
        events.publishEvent(new KeyExtended(keyId, key.customerId(), key.number(), key.expiresAt(), expires,
                cause, null));
        return expires;
    }

    /** Admin: adds whole days from max(now, expiry); the key keeps its plan and trial flag. */
    @Transactional
    public KeyView extendByDays(long keyId, int days) {
        return extendByDays(keyId, days, KeyExtended.Cause.ADMIN);
    }

    /** As {@link #extendByDays(long, int)}, told apart by {@code cause} in the key's events. */
    @Transactional
    public KeyView extendByDays(long keyId, int days, KeyExtended.Cause cause) {
        VpnKey key = keys.findForUpdate(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        requireExtendable(key);
        KeyView before = queries.get(keyId);
        Instant expires = KeyTerms.extendedExpiry(clock.instant(), key.expiresAt(), DurationUnit.DAYS, days,
                settings.timeZone());
        int version = keys.extend(keyId, expires, key.planId(), key.trafficLimitBytes(), key.trial(),
                clock.instant()).orElseThrow();
        pushes.push(keyId, version);
        events.publishEvent(new KeyExtended(keyId, key.customerId(), key.number(), key.expiresAt(), expires,
                cause, null));
        KeyView after = queries.get(keyId);
        audit.record("key.extend", "key", keyId, before, after);
        return after;
    }

    /**
     * Takes time off a key after a partial refund (never before now: a key shortened past its end just expires at
     * once). Audited; pushed to the panel in the background.
     */
    @Transactional
    public KeyView shorten(long keyId, Duration by) {
        VpnKey key = keys.findForUpdate(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        requireExtendable(key);
        KeyView before = queries.get(keyId);
        Instant now = clock.instant();
        Instant current = key.expiresAt() == null ? now : key.expiresAt();
        Instant expires = current.minus(by).isBefore(now) ? now : current.minus(by);
        int version = keys.extend(keyId, expires, key.planId(), key.trafficLimitBytes(), key.trial(), now)
                .orElseThrow();
        pushes.push(keyId, version);
        KeyView after = queries.get(keyId);
        audit.record("key.shorten", "key", keyId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public boolean extendable(long keyId) {
        return keys.findById(keyId).map(k -> k.status() != VpnKey.KeyStatus.REVOKED).orElse(false);
    }

    /** The plan a customer's key renews on, for an extension order: archived or missing plans can't be extended. */
    @Transactional(readOnly = true)
    public long planForExtension(long customerId, long keyId) {
        queries.requireOwned(customerId, keyId);
        VpnKey key = keys.findById(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        requireExtendable(key);
        if (!KeyTerms.extendable(false, key.planId(), key.planId() == null ? null
                : plans.get(key.planId()).visibility())) {
            throw ApiException.conflict("plan_not_extendable",
                    "This key's plan is no longer sold; buy a new key on a current plan instead.");
        }
        return key.planId();
    }

    /** Admin switch; a disabled key keeps its expiry and comes back as it was. */
    @Transactional
    public KeyView setEnabled(long keyId, boolean enabled) {
        VpnKey key = keys.findForUpdate(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        if (key.status() == VpnKey.KeyStatus.REVOKED) {
            throw ApiException.conflict("key_revoked", "A revoked key can't be changed.");
        }
        if (key.enabled() == enabled) {
            return queries.get(keyId);
        }
        KeyView before = queries.get(keyId);
        String status = enabled ? (key.expiresAt() != null && !key.expiresAt().isAfter(clock.instant())
                ? "EXPIRED" : "ACTIVE") : "DISABLED";
        if (key.status() == VpnKey.KeyStatus.PROVISIONING || key.status() == VpnKey.KeyStatus.FAILED) {
            status = key.status().name(); // the push that creates it will carry the enabled flag
        }
        int version = keys.setEnabled(keyId, enabled, status, clock.instant()).orElseThrow();
        pushes.push(keyId, version);
        KeyView after = queries.get(keyId);
        audit.record(enabled ? "key.enable" : "key.disable", "key", keyId, before, after);
        return after;
    }

    /**
     * Deletes the client from the panel, then marks the key revoked. Deliberately not one transaction: if the panel
     * doesn't confirm, the key stays exactly as it was and the admin sees why.
     */
    public KeyView revoke(long keyId) {
        KeyView before = queries.get(keyId);
        if ("revoked".equals(before.status())) {
            return before;
        }
        PanelConnection panel = hosts.panelConnection(before.hostId());
        try {
            panels.forType(panel.panelType()).revokeClient(panel, before.panelEmail());
        } catch (PanelException e) {
            throw e.asApiError("The panel did not confirm the deletion, so the key was left as it was");
        }
        return transactions.execute(tx -> {
            keys.markRevoked(keyId, clock.instant());
            events.publishEvent(new KeyRevoked(keyId, before.customerId(), before.number()));
            KeyView after = queries.get(keyId);
            audit.record("key.revoke", "key", keyId, before, after);
            return after;
        });
    }

    /** The customer's auto-renew choice for one key: on, off, or follow their default. */
    @Transactional
    public KeyView setAutoRenew(long customerId, long keyId, String mode) {
        queries.requireOwned(customerId, keyId);
        keys.setAutoRenew(keyId, VpnKey.AutoRenew.valueOf(mode.toUpperCase(Locale.ROOT)).name(),
                clock.instant());
        return queries.get(keyId);
    }

    @Transactional
    public KeyView rename(long customerId, long keyId, String label) {
        queries.requireOwned(customerId, keyId);
        keys.setLabel(keyId, label == null || label.isBlank() ? null : label.strip(), clock.instant());
        return queries.get(keyId);
    }

    private long create(long customerId, long hostId, Long planId, boolean trial, Instant expires, long trafficBytes) {
        CustomerView customer = customers.get(customerId);
        HostView host = hosts.get(hostId);
        keys.lockCustomer(customerId);
        long keyId = keys.nextId();
        String subscriptionId = KeyTerms.newSubscriptionId();
        keys.insertProvisioning(keyId, customerId, hostId, planId, keys.nextNumber(customerId),
                KeyTerms.panelEmail(customer.number(), keyId, trial), UUID.randomUUID(), subscriptionId, trial,
                expires, trafficBytes, KeyTerms.subscriptionUrl(host.subscriptionBaseUrl(), subscriptionId),
                clock.instant());
        VpnKey created = keys.findById(keyId).orElseThrow();
        pushes.push(keyId, created.version());
        audit.record(trial ? "key.trial" : "key.create", "key", keyId, null,
                Map.of("customerId", customerId, "hostId", hostId, "planId", planId == null ? "trial" : planId));
        return keyId;
    }

    private void requireExtendable(VpnKey key) {
        if (key.status() == VpnKey.KeyStatus.REVOKED) {
            throw ApiException.conflict("key_revoked", "A revoked key can't be extended; buy a new one instead.");
        }
    }

    private long trialHost(Long chosen) {
        List<HostView> offered = trialHosts();
        if (chosen != null) {
            return offered.stream().filter(h -> h.id() == chosen).map(HostView::id).findFirst()
                    .orElseThrow(() -> InvalidInputException.field("hostId", "not_offered",
                            "is not a server trials are offered on"));
        }
        return offered.stream().map(HostView::id).findFirst()
                .orElseThrow(() -> ApiException.conflict("trial_unavailable",
                        "No server is available for a trial right now."));
    }
}
