package dev.darkmaximus.subscription;

import dev.darkmaximus.platform.db.SqlLists;
import dev.darkmaximus.subscription.persistence.VpnKey.KeyStatus;

/**
 * Key status sets as SQL lists, published for the read models that count keys in SQL (reporting, broadcast
 * audiences: ADR 0005), so they use the subscription feature's definitions rather than their own literals.
 */
public final class KeyStates {

    /** Working now. */
    public static final String ACTIVE_SQL = SqlLists.of(KeyStatus.class, s -> s == KeyStatus.ACTIVE);

    /** Ran out and was not renewed. */
    public static final String EXPIRED_SQL = SqlLists.of(KeyStatus.class, s -> s == KeyStatus.EXPIRED);

    /** Provisioned and not revoked: the keys whose start and end dates mean something. */
    public static final String STARTED_SQL = SqlLists.of(KeyStatus.class,
            s -> s == KeyStatus.ACTIVE || s == KeyStatus.EXPIRED || s == KeyStatus.DISABLED);

    private KeyStates() {
    }
}
