package dev.darkmaximus.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.catalog.persistence.Host;
import dev.darkmaximus.catalog.persistence.HostRepository;
import dev.darkmaximus.catalog.persistence.InboundIds;
import dev.darkmaximus.catalog.persistence.PlanRepository;
import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
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
    private final Clock clock;

    HostService(HostRepository hosts, PlanRepository plans, SecretCipher cipher, AuditService audit, VpnPanels panels,
                CircuitBreakers breakers, Clock clock) {
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

    @Transactional
    public HostView create(HostCommand command) {
        if (isBlank(command.password())) {
            throw InvalidInputException.field("password", "required", "is required for a new host");
        }
        requireUniqueName(command.name(), null);
        Host saved = hosts.save(Host.create(settings(command), cipher.encrypt(command.password()),
                encryptUnlessBlank(command.apiToken())));
        HostView view = HostView.from(saved);
        audit.record("host.create", "host", saved.id(), null, view);
        return view;
    }

    @Transactional
    public HostView update(long id, HostCommand command) {
        Host current = load(id);
        requireUniqueName(command.name(), id);
        Host saved = hosts.save(current.with(settings(command), encryptUnlessBlank(command.password()),
                encryptUnlessBlank(command.apiToken())));
        HostView view = HostView.from(saved);
        audit.record("host.update", "host", id, HostView.from(current), view);
        return view;
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

    /** How to reach the host's panel, credentials decrypted: for panel calls only, never for the API. */
    @Transactional(readOnly = true)
    public PanelConnection panelConnection(long id) {
        Host host = load(id);
        return new PanelConnection(host.id(), host.panelType().name(), host.baseUrl(), host.webBasePath(),
                host.username(), decrypt(host.passwordEnc()), decrypt(host.apiTokenEnc()), host.inboundIds().values(),
                host.tlsVerify());
    }

    /**
     * Signs in to the host's panel and reads its inbounds, then stores the outcome as the host's health. Not
     * transactional on purpose: no database transaction stays open while the panel answers (or doesn't).
     */
    public HostHealth checkConnection(long id) {
        PanelConnection connection = panelConnection(id);
        Instant now = clock.instant();
        try {
            panels.forType(connection.panelType()).checkHealth(connection);
            hosts.recordHealth(id, true, null, now, breakers.state(id).name());
            return new HostHealth(true, now, null);
        } catch (PanelException e) {
            String error = e.getMessage().length() > 1000 ? e.getMessage().substring(0, 1000) : e.getMessage();
            hosts.recordHealth(id, false, error, now, breakers.state(id).name());
            return new HostHealth(false, now, error);
        }
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

    private static Host.HostSettings settings(HostCommand c) {
        return new Host.HostSettings(c.name().strip(), c.panelType(), stripTrailingSlash(c.baseUrl()),
                emptyToNull(c.webBasePath()), c.username().strip(), new InboundIds(c.inboundIds()),
                emptyToNull(c.subscriptionBaseUrl()), c.tlsVerify(), c.enabled(), c.displayOrder(),
                emptyToNull(c.countryCode()), emptyToNull(c.flag()));
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
