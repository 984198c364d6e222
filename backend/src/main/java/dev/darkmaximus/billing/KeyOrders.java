package dev.darkmaximus.billing;

/**
 * What billing needs from keys, implemented by the subscription feature: so money depends on this small port and
 * not on how keys are kept.
 */
public interface KeyOrders {

    /** The plan a customer's key would be extended on; refuses someone else's, revoked or unknown keys. */
    long planForExtension(long customerId, long keyId);

    /** Whether the key can still be extended (not revoked meanwhile). */
    boolean extendable(long keyId);

    /** A new key for a paid order, in the paying transaction; returns its id. */
    long createForOrder(long customerId, long planId, int bonusDays);

    /** Extends a key for a paid order, in the paying transaction. */
    void extendForOrder(long keyId, long planId, int bonusDays);
}
