package dev.darkmaximus.subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** How each key renews, for staff: by the customer's saved card (then the balance), from the balance, or not at all. */
@Service
public class RenewalRoutes {

    /** A key's way of renewing; {@code card} is set with {@code "card"}. */
    public record Route(String renewsWith, String card) {
        static final Route NONE = new Route(null, null);
    }

    private final ObjectProvider<RenewalCharges> charges;

    RenewalRoutes(ObjectProvider<RenewalCharges> charges) {
        this.charges = charges;
    }

    public Route of(KeyView key) {
        return of(List.of(key)).get(key.id());
    }

    /** Each key's route, asking once per customer. */
    public Map<Long, Route> of(List<KeyView> keys) {
        RenewalCharges cards = charges.getIfAvailable();
        Map<Long, Optional<String>> cardByCustomer = new HashMap<>();
        Map<Long, Route> routes = new HashMap<>();
        for (KeyView key : keys) {
            if (!key.autoRenewEffective() || key.trial()) {
                routes.put(key.id(), Route.NONE);
                continue;
            }
            Optional<String> card = cards == null ? Optional.empty()
                    : cardByCustomer.computeIfAbsent(key.customerId(), cards::cardOf);
            routes.put(key.id(), card.map(c -> new Route("card", c)).orElse(new Route("balance", null)));
        }
        return routes;
    }
}
