package dev.darkmaximus.catalog;

import java.time.Instant;

/** The outcome of checking a host's panel: reachable and signed in, or why not. */
public record HostHealth(boolean ok, Instant checkedAt, String error) {
}
