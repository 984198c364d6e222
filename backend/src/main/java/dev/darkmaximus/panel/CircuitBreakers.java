package dev.darkmaximus.panel;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One circuit per host: after {@code breakerFailures} transient failures in a row the host is left alone for
 * {@code breakerOpenFor}, then one call is let through; its outcome closes or re-opens the circuit. This keeps a dead
 * panel from tying up workers, and tells operators which panel is down.
 */
@Component
public class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final PanelProperties properties;
    private final Clock clock;
    private final Map<Long, Circuit> circuits = new ConcurrentHashMap<>();

    public CircuitBreakers(PanelProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Throws a transient {@link PanelException} while the host's circuit is open. */
    public void beforeCall(long hostId) {
        Circuit circuit = circuits.get(hostId);
        if (circuit != null && circuit.openUntil() != null && clock.instant().isBefore(circuit.openUntil())) {
            throw new PanelException("panel " + hostId + " is failing; calls paused until " + circuit.openUntil(), true);
        }
    }

    public void succeeded(long hostId) {
        Circuit previous = circuits.remove(hostId);
        if (previous != null && previous.openUntil() != null) {
            log.atInfo().addKeyValue("hostId", hostId).log("panel recovered: circuit closed");
        }
    }

    public void failed(long hostId) {
        Circuit updated = circuits.merge(hostId, new Circuit(1, null), (old, one) -> {
            int failures = old.failures() + 1;
            Instant openUntil = failures >= properties.breakerFailures()
                    ? clock.instant().plus(properties.breakerOpenFor()) : old.openUntil();
            return new Circuit(failures, openUntil);
        });
        if (updated.failures() == properties.breakerFailures()) {
            log.atWarn().addKeyValue("hostId", hostId).log("panel failing: circuit opened");
        }
    }

    /** Forgets a host's circuit (a one-off check of a host that was never saved). */
    public void forget(long hostId) {
        circuits.remove(hostId);
    }

    public State state(long hostId) {
        Circuit circuit = circuits.get(hostId);
        if (circuit == null || circuit.openUntil() == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(circuit.openUntil()) ? State.OPEN : State.HALF_OPEN;
    }

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private record Circuit(int failures, Instant openUntil) {
    }
}
