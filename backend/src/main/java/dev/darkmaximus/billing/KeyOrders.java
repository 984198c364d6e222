package dev.darkmaximus.billing;

/**
 * What billing asks of keys before it takes money for one, implemented by the subscription feature: so money
 * depends on this small port and not on how keys are kept. Keys are created and extended by subscription's
 * listener on {@link OrderPaid}, not through this port.
 */
public interface KeyOrders {

    /** The plan a customer's key would be extended on; refuses someone else's, revoked or unknown keys. */
    long planForExtension(long customerId, long keyId);

    /** Whether the key can still be extended (not revoked meanwhile). */
    boolean extendable(long keyId);
}
