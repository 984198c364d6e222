package dev.darkmaximus.catalog;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import dev.darkmaximus.panel.CircuitBreakers;
import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.PanelOptions;
import dev.darkmaximus.panel.PanelSquad;
import dev.darkmaximus.panel.VpnPanel;
import dev.darkmaximus.panel.VpnPanels;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;

/** A Remnawave panel's squads, read live for admins choosing where a host's (or a plan's) users go. */
@Service
public class HostSquads {

    private final HostService hosts;
    private final VpnPanels panels;
    private final CircuitBreakers breakers;

    HostSquads(HostService hosts, VpnPanels panels, CircuitBreakers breakers) {
        this.hosts = hosts;
        this.panels = panels;
        this.breakers = breakers;
    }

    /** A saved host's squads, read live from its panel; 502 when the panel doesn't answer. */
    public List<PanelSquad> squads(long id) {
        PanelConnection connection = hosts.panelConnection(id);
        if (PanelType.valueOf(connection.panelType()).xui()) {
            throw ApiException.conflict("no_squads", "3x-ui panels have no squads; their hosts sell on inbounds.");
        }
        try {
            return panels.forType(connection.panelType()).squads(connection);
        } catch (PanelException e) {
            throw e.asApiError("The panel's squads could not be read");
        }
    }

    /**
     * The squads of a Remnawave panel not saved yet (or saved, with changed settings): for the form where an admin
     * picks them. A blank token uses the stored one of {@code hostId}.
     */
    public List<PanelSquad> squads(SquadsQuery query) {
        String address = PanelAddress.require(query.baseUrl(), "baseUrl");
        String token = query.apiToken();
        if (isBlank(token) && query.hostId() != null) {
            // The stored token goes only to the address it was saved for: a write-only secret must not be sent to
            // wherever a request points.
            if (!PanelAddress.same(address, hosts.get(query.hostId()).baseUrl())) {
                throw InvalidInputException.field("apiToken", "required",
                        "enter the token again to use it with another address");
            }
            token = hosts.storedApiToken(query.hostId());
        }
        if (isBlank(token)) {
            throw InvalidInputException.field("apiToken", "required", "is needed to read the panel's squads");
        }
        long probe = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        PanelConnection candidate = new PanelConnection(probe, PanelType.REMNAWAVE.name(),
                address, null, "", null, token, List.of(), query.tlsVerify(),
                isBlank(query.caCertificate()) ? null : query.caCertificate().strip(), null,
                new PanelOptions(List.of(), query.forwardedHeaders(), null, null));
        VpnPanel panel = panels.forType(candidate.panelType());
        try {
            return panel.squads(candidate);
        } catch (PanelException e) {
            throw e.asApiError("The panel's squads could not be read");
        } finally {
            panel.forget(probe);
            breakers.forget(probe);
        }
    }

    /** Where to read a Remnawave panel's squads before its host is saved. */
    public record SquadsQuery(Long hostId, String baseUrl, String apiToken, boolean forwardedHeaders,
                              boolean tlsVerify, String caCertificate) {

        @Override
        public String toString() {
            return "SquadsQuery[" + baseUrl + "]";
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
