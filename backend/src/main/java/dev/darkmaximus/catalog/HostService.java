package dev.darkmaximus.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.darkmaximus.catalog.persistence.Host;
import dev.darkmaximus.catalog.persistence.HostRepository;
import dev.darkmaximus.catalog.persistence.InboundIds;
import dev.darkmaximus.catalog.persistence.PlanRepository;
import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelInfo;
import dev.darkmaximus.panel.PanelOptions;
import dev.darkmaximus.panel.VpnPanel;
import dev.darkmaximus.panel.VpnPanels;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;

/** Admin management of VPN panel connections. Secrets are encrypted before they reach the database. */
@Service
public class HostService {

    private final HostRepository hosts;
    private final PlanRepository plans;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final VpnPanels panels;
    private final CircuitBreakers breakers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HostService(HostRepository hosts, PlanRepository plans, SecretCipher cipher, AuditService audit, VpnPanels panels,
                CircuitBreakers breakers, TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.hosts = hosts;
        this.plans = plans;
        this.cipher = cipher;
        this.audit = audit;
        this.panels = panels;
        this.breakers = breakers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<HostView> list() {
        return hosts.findAllOrdered().stream().map(HostView::from).toList();
    }

    @Transactional(readOnly = true)
    public HostView get(long id) {
        return HostView.from(load(id));
    }

    /**
     * Saves a new host. When its panel answers, an inbound the shop can't sell on (missing, or of a protocol the
     * shop doesn't provision) refuses the save on {@code inboundIds}; a panel that can't be reached doesn't block the
     * save (the connection check reports it and keeps the host off sale). No transaction is open meanwhile.
     */
    public HostView create(HostCommand command) {
        PanelAddress.require(command.baseUrl(), "baseUrl");
        HostChecks.requireWhatThePanelNeeds(command, null);
        HostChecks.requireUsableCertificate(command, null);
        requireUniqueName(command.name(), null);
        PanelInfo info = inspect(candidate(-ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), command,
                command.password(), command.apiToken(), null, options(settings(command, null))));
        return transactions.execute(tx -> {
            requireUniqueName(command.name(), null);
            Host saved = hosts.save(Host.create(settings(command, null), encryptUnlessBlank(command.password()),
                    encryptUnlessBlank(command.apiToken())));
            if (info != null) {
                hosts.recordHealth(saved.id(), true, null, clock.instant(), "CLOSED", info.version(), info.api());
                saved = load(saved.id());
            }
            HostView view = HostView.from(saved);
            audit.record("host.create", "host", saved.id(), null, view);
            return view;
        });
    }

    /**
     * Saves a host's settings, checked against its panel as {@link #create} does. The adapter forgets the host's
     * session and version first, so the check signs in with the new credentials, and again after a refusal.
     */
    public HostView update(long id, HostCommand command) {
        Host before = load(id);
        PanelAddress.require(command.baseUrl(), "baseUrl");
        HostChecks.requireWhatThePanelNeeds(command, before);
        HostChecks.requireSecretsRetypedForANewAddress(command, before);
        HostChecks.requireUsableCertificate(command, before.caCertificate());
        requireUniqueName(command.name(), id);
        PanelConnection candidate = candidate(id, command,
                isBlank(command.password()) ? decrypt(before.passwordEnc()) : command.password(),
                isBlank(command.apiToken()) ? decrypt(before.apiTokenEnc()) : command.apiToken(), null,
                options(settings(command, before)));
        VpnPanel panel = panels.forType(candidate.panelType());
        panel.forget(id);
        PanelInfo info;
        try {
            info = inspect(candidate);
        } catch (RuntimeException refused) {
            panel.forget(id);
            throw refused;
        }
        return transactions.execute(tx -> {
            Host current = load(id);
            requireUniqueName(command.name(), id);
            Host saved = hosts.save(current.with(settings(command, current),
                    encryptUnlessBlank(command.password()),
                    encryptUnlessBlank(command.apiToken())));
            if (info != null) {
                hosts.recordHealth(id, true, null, clock.instant(), breakers.state(id).name(), info.version(),
                        info.api());
                saved = load(id);
            }
            HostView view = HostView.from(saved);
            audit.record("host.update", "host", id, HostView.from(current), view);
            return view;
        });
    }

    private static PanelConnection candidate(long id, HostCommand c, String password, String apiToken,
                                             String version, PanelOptions options) {
        return new PanelConnection(id, c.panelType().name(), stripTrailingSlash(c.baseUrl()),
                emptyToNull(c.webBasePath()), c.username() == null ? "" : c.username().strip(), password,
                emptyToNull(apiToken), inbounds(c), c.tlsVerify(), emptyToNull(c.caCertificate()), version, options);
    }

    private static PanelOptions options(Host.HostSettings s) {
        return new PanelOptions(Squads.parse(s.squads()), s.forwardedHeaders(), s.revokeMode().name(),
                s.trafficStrategy().name());
    }

    private static List<Integer> inbounds(HostCommand c) {
        return c.panelType().xui() && c.inboundIds() != null ? c.inboundIds() : List.of();
    }

    /** The panel's description when it answered; null when it couldn't be reached or refused us. */
    private PanelInfo inspect(PanelConnection candidate) {
        VpnPanel panel = panels.forType(candidate.panelType());
        PanelInfo info;
        try {
            info = panel.describe(candidate);
        } catch (PanelException unreachable) {
            return null;
        } finally {
            if (candidate.hostId() < 0) {
                panel.forget(candidate.hostId());
            }
        }
        if (!info.problems().isEmpty()) {
            boolean xui = PanelType.valueOf(candidate.panelType()).xui();
            throw InvalidInputException.field(xui ? "inboundIds" : "squads", xui ? "unsupported_inbound" : "unknown_squad",
                    String.join("; ", info.problems()));
        }
        return info;
    }

    @Transactional
    public void delete(long id) {
        Host current = load(id);
        if (plans.existsByHostId(id)) {
            throw ApiException.conflict("host_in_use",
                    "The host still has plans; archive or move them first, or disable the host instead.");
        }
        hosts.delete(current);
        audit.record("host.delete", "host", id, HostView.from(current), null);
    }

    /** The host's API token, decrypted: for a panel call with settings not saved yet. */
    String storedApiToken(long id) {
        return decrypt(load(id).apiTokenEnc());
    }

    /** How to reach the host's panel, credentials decrypted: for panel calls only, never for the API. */
    @Transactional(readOnly = true)
    public PanelConnection panelConnection(long id) {
        Host host = load(id);
        return new PanelConnection(host.id(), host.panelType().name(), host.baseUrl(), host.webBasePath(),
                host.username(), decrypt(host.passwordEnc()), decrypt(host.apiTokenEnc()), host.inboundIds().values(),
                host.tlsVerify(), host.caCertificate(), host.panelVersion(),
                new PanelOptions(Squads.parse(host.squads()), host.forwardedHeaders(), host.revokeMode().name(),
                        host.trafficStrategy().name()));
    }

    /**
     * Signs in to the host's panel, reads its version and checks its inbounds, then stores the outcome as the host's
     * health and version. An inbound that can't be sold on fails the check. Not transactional on purpose: no
     * database transaction stays open while the panel answers (or doesn't).
     */
    public HostHealth checkConnection(long id) {
        PanelConnection connection = panelConnection(id);
        Instant now = clock.instant();
        try {
            PanelInfo info = panels.forType(connection.panelType()).describe(connection);
            String error = info.problems().isEmpty() ? null : clip(String.join("; ", info.problems()));
            hosts.recordHealth(id, error == null, error, now, breakers.state(id).name(), info.version(), info.api());
            return new HostHealth(error == null, now, error, info.version(), info.api(), info.squads());
        } catch (PanelException e) {
            String error = clip(e.getMessage());
            hosts.recordHealth(id, false, error, now, breakers.state(id).name(), null, null);
            return new HostHealth(false, now, error, null, null, null);
        }
    }

    private static String clip(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    Host load(long id) {
        return hosts.findById(id).orElseThrow(() -> ApiException.notFound("Host", id));
    }

    private void requireUniqueName(String name, Long exceptId) {
        hosts.findByNameIgnoreCase(name.strip())
                .filter(existing -> !existing.id().equals(exceptId))
                .ifPresent(existing -> {
                    throw InvalidInputException.conflict("host_name_taken", "name", "another host has this name");
                });
    }

    /**
     * The settings to store. Fields a client doesn't send (null) keep what {@code current} has, or the defaults for
     * a new host: the English name and the Remnawave settings came after 1.0 and mustn't be wiped by integrations
     * written before them. An empty English name clears it.
     */
    private static Host.HostSettings settings(HostCommand c, Host current) {
        String nameEn = c.nameEn() == null ? (current == null ? null : current.nameEn())
                : c.nameEn().strip().isEmpty() ? null : c.nameEn().strip();
        String squads = c.squads() != null ? Squads.format(c.squads(), "squads")
                : current == null ? null : emptyToNull(current.squads());
        return new Host.HostSettings(c.name().strip(), c.panelType(), stripTrailingSlash(c.baseUrl()),
                emptyToNull(c.webBasePath()), c.username() == null ? "" : c.username().strip(),
                // Remnawave gives each user its subscription address; a base of our own would make wrong ones.
                new InboundIds(inbounds(c)), c.panelType().xui() ? emptyToNull(c.subscriptionBaseUrl()) : null,
                c.tlsVerify(),
                emptyToNull(c.caCertificate()), c.enabled(), c.displayOrder(), emptyToNull(c.countryCode()),
                emptyToNull(c.flag()), nameEn, squads,
                c.forwardedHeaders() != null ? c.forwardedHeaders() : current != null && current.forwardedHeaders(),
                c.revokeMode() != null ? c.revokeMode() : current == null ? RevokeMode.DELETE : current.revokeMode(),
                c.trafficStrategy() != null ? c.trafficStrategy()
                        : current == null ? TrafficStrategy.NO_RESET : current.trafficStrategy());
    }

    private String encryptUnlessBlank(String secret) {
        return isBlank(secret) ? null : cipher.encrypt(secret);
    }

    private String decrypt(String sealed) {
        return sealed == null ? null : cipher.decrypt(sealed);
    }

    private static String stripTrailingSlash(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String emptyToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
