package dev.darkmaximus.catalog;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The panels in readiness, as a summary: one panel down makes the shop DEGRADED (still ready: it sells on the
 * others, and keys for that host wait in the outbox), never DOWN, so a load balancer doesn't take the whole shop
 * out for one VPN server. Read from what the panel watch last recorded; no panel is called here.
 */
@Component("panels")
class PanelsHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "A panel is down; the shop works on the others.");

    private final HostService hosts;

    PanelsHealth(HostService hosts) {
        this.hosts = hosts;
    }

    @Override
    public Health health() {
        List<HostView> enabled;
        try {
            enabled = hosts.list().stream().filter(HostView::enabled).toList();
        } catch (DataAccessException | TransactionException e) {
            // The database is down: its own indicator says so; what the panels do is unknown meanwhile.
            return Health.unknown().withDetail("error", "the database did not answer").build();
        }
        List<String> down = enabled.stream().filter(HostView::panelDown).map(HostView::name).toList();
        return Health.status(down.isEmpty() ? Status.UP : DEGRADED)
                .withDetail("panels", enabled.size()).withDetail("down", down).build();
    }
}
