package dev.darkmaximus.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.panel.PanelClient;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.VpnPanel;
import dev.darkmaximus.panel.VpnPanels;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.db.JsonDocument;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.outbox.OutboxService;
import dev.darkmaximus.subscription.persistence.KeyUsageWriter;
import dev.darkmaximus.subscription.persistence.SyncReport;
import dev.darkmaximus.subscription.persistence.SyncReportRepository;
import dev.darkmaximus.subscription.persistence.VpnKey;
import dev.darkmaximus.subscription.persistence.VpnKeyRepository;

/**
 * Compares the shop's keys on a host with the panel's clients (SPEC §4.6). The panel wins on expiry, enabled state,
 * traffic limit and usage, except for a key whose own change is still queued for the panel (the shop is newer
 * there). Keys missing on the panel are flagged and panel clients unknown to the shop are listed; nothing is ever
 * deleted here.
 */
@Service
public class KeySync {

    private static final Logger log = LoggerFactory.getLogger(KeySync.class);

    private final VpnKeyRepository keys;
    private final SyncReportRepository reports;
    private final HostService hosts;
    private final VpnPanels panels;
    private final OutboxService outbox;
    private final AuditService audit;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final KeyUsageWriter usageWriter;

    KeySync(VpnKeyRepository keys, SyncReportRepository reports, HostService hosts, VpnPanels panels,
            OutboxService outbox, AuditService audit, TransactionTemplate transactions, JsonMapper json, Clock clock,
            KeyUsageWriter usageWriter) {
        this.keys = keys;
        this.reports = reports;
        this.hosts = hosts;
        this.panels = panels;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.usageWriter = usageWriter;
    }

    /** One run over one host; the report is stored whatever happens. Not transactional: panel calls take time. */
    public SyncReportView syncHost(long hostId, SyncReport.Trigger trigger) {
        Instant started = clock.instant();
        PanelConnection connection = hosts.panelConnection(hostId);
        List<PanelClient> clients;
        try {
            clients = panels.forType(connection.panelType()).listClients(connection);
        } catch (PanelException e) {
            log.atWarn().addKeyValue("hostId", hostId).addKeyValue("error", e.getMessage()).log("sync: panel unreachable");
            return save(new SyncReport(null, hostId, trigger, SyncReport.Outcome.FAILED, truncate(e.getMessage()), 0,
                    0, 0, 0, 0, details(List.of(), List.of(), List.of()), started, clock.instant()));
        }
        Map<String, PanelClient> byEmail = new HashMap<>();
        clients.forEach(c -> byEmail.put(c.email().toLowerCase(Locale.ROOT), c));
        List<SyncReportView.Drift> updated = new ArrayList<>();
        List<SyncReportView.Missing> missing = new ArrayList<>();
        int checked = 0;
        List<KeyUsageWriter.Usage> usage = new ArrayList<>();
        List<VpnKey> live = keys.findLiveByHost(hostId);
        // Read once for the whole run (a query per key made a large panel's sync take minutes), and after the keys:
        // a change queued in between is then either in this set or newer than the key's version we hold.
        Set<Long> pushing = outbox.unfinished(KeyPushes.KIND + ":").stream()
                .map(dedupKey -> dedupKey.split(":"))
                .filter(parts -> parts.length > 1 && !parts[1].isEmpty()
                        && parts[1].chars().allMatch(Character::isDigit))
                .map(parts -> Long.parseLong(parts[1]))
                .collect(Collectors.toSet());
        try {
            for (VpnKey key : live) {
                if (key.status() == VpnKey.KeyStatus.PROVISIONING || key.status() == VpnKey.KeyStatus.FAILED) {
                    byEmail.remove(key.panelEmail().toLowerCase(Locale.ROOT)); // the outbox owns it until active
                    continue;
                }
                checked++;
                PanelClient client = byEmail.remove(key.panelEmail().toLowerCase(Locale.ROOT));
                reconcile(key, Optional.ofNullable(client), pushing.contains(key.id()), usage).ifPresent(outcome -> {
                    if (outcome instanceof SyncReportView.Drift drift) {
                        updated.add(drift);
                    } else if (outcome instanceof SyncReportView.Missing gone) {
                        missing.add(gone);
                    }
                });
            }
        } finally { // what was read is kept even when a key's update fails half-way through the run
            usageWriter.record(usage, clock.instant());
        }
        List<SyncReportView.Orphan> orphans = byEmail.values().stream()
                .map(c -> new SyncReportView.Orphan(c.email(), c.inboundId(), c.expiresAt(), c.enabled(),
                        keys.findByPanelEmail(hostId, c.email()).map(VpnKey::id).orElse(null)))
                .sorted(Comparator.comparing(SyncReportView.Orphan::email))
                .toList();
        return save(new SyncReport(null, hostId, trigger, SyncReport.Outcome.OK, null, clients.size(), checked,
                updated.size(), missing.size(), orphans.size(), details(updated, missing, orphans), started,
                clock.instant()));
    }

    /** Admin "resync" of one key: read its client from the panel and take the panel's state. */
    public KeyView.SyncOutcome syncKey(long keyId) {
        VpnKey key = keys.findById(keyId).orElseThrow(() -> ApiException.notFound("Key", keyId));
        if (!key.live() || key.status() == VpnKey.KeyStatus.PROVISIONING) {
            throw ApiException.conflict("key_not_syncable", "Only keys that exist on the panel can be synced; this one is "
                    + key.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        PanelConnection connection = hosts.panelConnection(key.hostId());
        VpnPanel panel = panels.forType(connection.panelType());
        Optional<PanelClient> client;
        try {
            client = panel.findClient(connection, key.panelEmail());
        } catch (PanelException e) {
            throw e.asApiError("The panel could not be read");
        }
        List<KeyUsageWriter.Usage> usage = new ArrayList<>();
        Object outcome = reconcile(key, client, outbox.hasUnfinished(KeyPushes.KIND + ":" + key.id() + ":"), usage)
                .orElse(null);
        usageWriter.record(usage, clock.instant());
        return new KeyView.SyncOutcome(outcome instanceof SyncReportView.Drift d ? d.changes() : Map.of(),
                outcome instanceof SyncReportView.Missing);
    }

    /**
     * Admin: deletes a panel client the shop has no live key for (an orphan from a report). Refused for a client
     * that belongs to a live key: revoke the key instead.
     */
    public void deleteOrphan(long hostId, String email) {
        Optional<VpnKey> owner = keys.findByPanelEmail(hostId, email);
        if (owner.isPresent() && owner.get().live()) {
            throw ApiException.conflict("not_an_orphan", "This client belongs to key " + owner.get().id()
                    + "; revoke the key instead.");
        }
        PanelConnection connection = hosts.panelConnection(hostId);
        try {
            panels.forType(connection.panelType()).deleteClient(connection, email);
        } catch (PanelException e) {
            throw e.asApiError("The panel did not confirm the deletion");
        }
        transactions.executeWithoutResult(tx -> audit.record("panel.orphan_delete", "host", hostId, null,
                Map.of("email", email)));
    }

    @Transactional(readOnly = true)
    public List<SyncReportView> reports(long hostId, int limit) {
        hosts.get(hostId);
        return reports.findRecent(hostId, limit).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<SyncReportView> latest(long hostId) {
        return reports.findLatest(hostId).map(this::view);
    }

    /**
     * Returns a Drift, a Missing, or nothing when the key already matched; a key whose state matched (or whose own
     * change is on its way to the panel) only has its usage added to {@code usage}, written in batches afterwards.
     */
    private Optional<Object> reconcile(VpnKey key, Optional<PanelClient> found, boolean pushing,
                                       List<KeyUsageWriter.Usage> usage) {
        Instant now = clock.instant();
        if (found.isEmpty()) {
            keys.markMissing(key.id(), now);
            return Optional.of(new SyncReportView.Missing(key.id(), key.panelEmail(),
                    key.status().name().toLowerCase(Locale.ROOT)));
        }
        PanelClient client = found.get();
        if (client.subscriptionUrl() != null && keys.followPanelSubscription(key.id(), client.subscriptionUrl(), now) == 1) {
            // Revoked on the panel (a new short id): the old address is dead, so the key takes the panel's new one.
            log.atInfo().addKeyValue("keyId", key.id()).log("sync: the panel gave the key a new subscription address");
        }
        if (pushing) {
            usage.add(new KeyUsageWriter.Usage(key.id(), client.usedBytes(), client.lastOnlineAt()));
            return Optional.empty(); // the shop's newer state is on its way to the panel
        }
        Map<String, List<String>> changes = new LinkedHashMap<>();
        if (!sameSecond(key.expiresAt(), client.expiresAt())) {
            changes.put("expiresAt", List.of(String.valueOf(key.expiresAt()), String.valueOf(client.expiresAt())));
        }
        if (key.enabled() != client.enabled()) {
            changes.put("enabled", List.of(Boolean.toString(key.enabled()), Boolean.toString(client.enabled())));
        }
        if (key.trafficLimitBytes() != client.trafficLimitBytes()) {
            changes.put("trafficLimitBytes", List.of(Long.toString(key.trafficLimitBytes()),
                    Long.toString(client.trafficLimitBytes())));
        }
        String status = statusFor(key, client, now);
        if (!status.equals(key.status().name())) {
            changes.put("status", List.of(key.status().name().toLowerCase(Locale.ROOT), status.toLowerCase(Locale.ROOT)));
        }
        if (changes.isEmpty()) {
            usage.add(new KeyUsageWriter.Usage(key.id(), client.usedBytes(), client.lastOnlineAt()));
            return Optional.empty();
        }
        if (keys.recordPanelState(key.id(), key.version(), client.expiresAt(), client.enabled(), client.usedBytes(),
                client.trafficLimitBytes(), client.lastOnlineAt(), status, now) == 0) {
            return Optional.empty(); // changed by someone else meanwhile: the next run looks again
        }
        return Optional.of(new SyncReportView.Drift(key.id(), key.panelEmail(), changes));
    }

    /**
     * The shop status that matches the panel's view. A client the panel switched off for using up its traffic stays
     * active (it comes back with a top-up); one switched off otherwise is disabled.
     */
    private static String statusFor(VpnKey key, PanelClient client, Instant now) {
        if (client.expiresAt() != null && !client.expiresAt().isAfter(now)) {
            if (key.status() == VpnKey.KeyStatus.ACTIVE) {
                return "ACTIVE"; // the expiry job flips it and tells the customer
            }
            return key.status() == VpnKey.KeyStatus.DISABLED && !client.enabled() ? "DISABLED" : "EXPIRED";
        }
        boolean depleted = client.trafficLimitBytes() > 0 && client.usedBytes() >= client.trafficLimitBytes();
        return !client.enabled() && !depleted ? "DISABLED" : "ACTIVE";
    }

    private static boolean sameSecond(Instant a, Instant b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return Duration.between(a, b).abs().compareTo(Duration.ofSeconds(1)) < 0;
    }

    private JsonDocument details(List<SyncReportView.Drift> updated, List<SyncReportView.Missing> missing,
                                 List<SyncReportView.Orphan> orphans) {
        return new JsonDocument(json.writeValueAsString(new SyncReportView.Details(updated, missing, orphans)));
    }

    private SyncReportView save(SyncReport report) {
        return view(reports.save(report));
    }

    private SyncReportView view(SyncReport r) {
        return new SyncReportView(r.id(), r.hostId(), r.trigger().name().toLowerCase(Locale.ROOT),
                r.outcome().name().toLowerCase(Locale.ROOT), r.error(), r.panelClients(), r.keysChecked(),
                r.keysUpdated(), r.keysMissing(), r.orphans(),
                json.readValue(r.details().json(), SyncReportView.Details.class), r.startedAt(), r.finishedAt());
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
