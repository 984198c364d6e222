package dev.darkmaximus.payment.yookassa;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Which YooKassa shop we act as: the shop id and secret key an admin set in the settings, as a pair, else the
 * server's configuration (dm.yookassa.*). Read on every call, so a change applies without a restart.
 */
@Component
class YooKassaAccount {

    private final YooKassaProperties properties;
    private final ShopSettings settings;

    YooKassaAccount(YooKassaProperties properties, ShopSettings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    boolean configured() {
        return fromSettings().isPresent() || properties.configured();
    }

    /** The Authorization header's value. */
    String authorization() {
        String pair = fromSettings().orElseGet(() -> properties.shopId() + ":" + properties.secretKey());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> fromSettings() {
        Optional<String> shopId = settings.yooKassaShopId();
        Optional<String> secretKey = settings.yooKassaSecretKey();
        return shopId.isPresent() && secretKey.isPresent()
                ? Optional.of(shopId.get() + ":" + secretKey.get()) : Optional.empty();
    }
}
