package dev.darkmaximus.subscription;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.KeyOrders;
import dev.darkmaximus.billing.KeyedOrders;
import dev.darkmaximus.billing.OrderPaid;

/**
 * Where paid orders become keys: billing's questions about a key before it takes money ({@link KeyOrders}), and the
 * key an {@link OrderPaid} bought, created or extended in the paying transaction and reported back to billing.
 */
@Component
class PaidOrders implements KeyOrders {

    private final KeyService keys;
    private final KeyedOrders orders;

    PaidOrders(KeyService keys, KeyedOrders orders) {
        this.keys = keys;
        this.orders = orders;
    }

    @EventListener
    void on(OrderPaid paid) {
        switch (paid.kind()) {
            case NEW_KEY -> orders.keyIssued(paid.orderId(),
                    keys.createForOrder(paid.customerId(), paid.planId(), paid.bonusDays()));
            case EXTEND_KEY -> keys.extendForOrder(paid.keyId(), paid.planId(), paid.bonusDays());
            case TOP_UP -> {
                // nothing to do with keys
            }
        }
    }

    @Override
    public long planForExtension(long customerId, long keyId) {
        return keys.planForExtension(customerId, keyId);
    }

    @Override
    public boolean extendable(long keyId) {
        return keys.extendable(keyId);
    }
}
