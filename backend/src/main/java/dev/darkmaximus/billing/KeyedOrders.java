package dev.darkmaximus.billing;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.OrderRepository;

/**
 * How the subscription feature tells billing what became of a paid order's key: which key it created, and when the
 * key is in place on its panel, which fulfils the order. Billing never calls subscription for this; it publishes
 * {@link OrderPaid} and subscription answers here.
 */
@Service
public class KeyedOrders {

    private final OrderRepository orders;
    private final Clock clock;

    KeyedOrders(OrderRepository orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** The key a paid new-key order produced, in the paying transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keyIssued(long orderId, long keyId) {
        orders.setKey(orderId, keyId, clock.instant());
    }

    /** The key's state is on its panel: every paid order waiting for it is fulfilled. */
    @Transactional
    public void keyDelivered(long keyId) {
        orders.fulfilByKey(keyId, clock.instant());
    }
}
