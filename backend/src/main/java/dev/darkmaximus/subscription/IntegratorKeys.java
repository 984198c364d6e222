package dev.darkmaximus.subscription;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.catalog.CatalogService;
import dev.darkmaximus.catalog.PlanView;
import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * Keys an integrator issues for a customer it sold to on its own site (SPEC §15). A key is made as the shop's own
 * paid order makes it: only on a plan on sale to that customer, on the plan's host, for the plan's duration and
 * traffic, provisioned in the background. The integrator took the money, so no order or payment is recorded here;
 * the audit log names the integrator's key.
 */
@Service
public class IntegratorKeys {

    private final KeyService keys;
    private final KeyQueries queries;
    private final CatalogService catalog;
    private final CustomerService customers;

    IntegratorKeys(KeyService keys, KeyQueries queries, CatalogService catalog, CustomerService customers) {
        this.keys = keys;
        this.queries = queries;
        this.catalog = catalog;
        this.customers = customers;
    }

    @Transactional
    public KeyView create(long customerId, long planId) {
        customers.requireNotBanned(customers.get(customerId));
        catalog.offered(customerId, planId);
        return queries.get(keys.createForOrder(customerId, planId, 0));
    }

    /** Every key of the customer, revoked ones included (an integrator reconciling needs to see those too). */
    @Transactional(readOnly = true)
    public List<KeyView> of(long customerId) {
        return queries.allOfCustomer(customerId);
    }

    @Transactional(readOnly = true)
    public KeyView get(long customerId, long keyId) {
        return queries.requireOwned(customerId, keyId);
    }

    /**
     * Adds {@code days}, or one term of {@code planId} as a paid extension would (the plan on sale to the customer
     * and on the key's host; a trial extended so becomes a paid key on that plan). Exactly one of the two.
     */
    @Transactional
    public KeyView extend(long customerId, long keyId, Integer days, Long planId) {
        KeyView key = queries.requireOwned(customerId, keyId);
        if ((days == null) == (planId == null)) {
            throw InvalidInputException.field("days", "one_of", "Give either days or planId, not both or neither.");
        }
        customers.requireNotBanned(customers.get(customerId));
        if (days != null) {
            return keys.extendByDays(keyId, days, KeyExtended.Cause.INTEGRATOR);
        }
        PlanView plan = catalog.offered(customerId, planId);
        if (plan.hostId() != key.hostId()) {
            throw InvalidInputException.field("planId", "plan_on_other_host",
                    "This plan is sold on another host than the key's.");
        }
        keys.extendOnPlan(keyId, planId, 0, KeyExtended.Cause.INTEGRATOR);
        return queries.get(keyId);
    }

    /** Deletes the client from the panel, then marks the key revoked; a key already revoked is answered as it is. */
    public KeyView revoke(long customerId, long keyId) {
        queries.requireOwned(customerId, keyId);
        return keys.revoke(keyId);
    }
}
