package dev.darkmaximus.catalog;

import java.time.Instant;

/**
 * The outcome of checking a host's panel: reachable, signed in and every inbound sellable, or why not.
 *
 * @param panelVersion the version the panel reported (null when it didn't say or couldn't be reached)
 * @param squads       how many squads the panel has (Remnawave); null for 3x-ui or when it couldn't be read
 */
public record HostHealth(boolean ok, Instant checkedAt, String error, String panelVersion, String panelApi,
                         Integer squads) {
}
