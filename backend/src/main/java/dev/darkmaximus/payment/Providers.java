package dev.darkmaximus.payment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.darkmaximus.billing.PaymentMethod;
import dev.darkmaximus.billing.PaymentMethods;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.settings.ShopSettings;

/** The configured providers by method; tells billing which methods can take money. */
@Component
public class Providers implements PaymentMethods {

    private final Map<PaymentMethod, PaymentProvider> byMethod;
    private final ShopSettings settings;

    Providers(List<PaymentProvider> providers, ShopSettings settings) {
        this.settings = settings;
        this.byMethod = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::method,
                Function.identity()));
    }

    @Override
    public boolean available(PaymentMethod method) {
        if (!settings.methodEnabled(method.name())) {
            return false;
        }
        if (method == PaymentMethod.BALANCE) {
            return true;
        }
        PaymentProvider provider = byMethod.get(method);
        return provider != null && provider.configured();
    }

    /** Whether a provider for {@code method} exists in this build (the balance has none). */
    public boolean has(PaymentMethod method) {
        return byMethod.containsKey(method);
    }

    public PaymentProvider get(PaymentMethod method) {
        PaymentProvider provider = byMethod.get(method);
        if (provider == null) {
            throw ApiException.conflict("method_unavailable", "No provider for " + method + ".");
        }
        return provider;
    }
}
