package dev.darkmaximus.subscription;

import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.KeyOrders;

/** Billing's view of keys: the paid-order entry points of {@link KeyService}. */
@Component
class OrderedKeys implements KeyOrders {

    private final KeyService keys;

    OrderedKeys(KeyService keys) {
        this.keys = keys;
    }

    @Override
    public long planForExtension(long customerId, long keyId) {
        return keys.planForExtension(customerId, keyId);
    }

    @Override
    public boolean extendable(long keyId) {
        return keys.extendable(keyId);
    }

    @Override
    public long createForOrder(long customerId, long planId, int bonusDays) {
        return keys.createForOrder(customerId, planId, bonusDays);
    }

    @Override
    public void extendForOrder(long keyId, long planId, int bonusDays) {
        keys.extendForOrder(keyId, planId, bonusDays);
    }
}
