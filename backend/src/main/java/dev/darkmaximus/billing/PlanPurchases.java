package dev.darkmaximus.billing;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.billing.persistence.PurchasedPlans;
import dev.darkmaximus.catalog.PurchaseHistory;

/** Tells the catalog which plans a customer has paid for, from billing's orders. */
@Component
class PlanPurchases implements PurchaseHistory {

    private final PurchasedPlans purchasedPlans;

    PlanPurchases(PurchasedPlans purchasedPlans) {
        this.purchasedPlans = purchasedPlans;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> plansBoughtBy(long customerId) {
        return Set.copyOf(purchasedPlans.planIds(customerId));
    }
}
