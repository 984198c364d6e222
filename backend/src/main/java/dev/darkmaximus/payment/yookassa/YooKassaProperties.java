package dev.darkmaximus.payment.yookassa;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * YooKassa access. Unset shop id or secret key = the method is off, unless an admin set both in the settings
 * (YooKassaAccount).
 *
 * @param apiBaseUrl     the API root (a WireMock in tests)
 * @param shopId         the shop's id (Basic auth user)
 * @param secretKey      the secret key (Basic auth password; {@code test_…} for the test shop)
 * @param returnUrl      where YooKassa sends the customer after paying (the bot or the Mini App)
 * @param allowedSources notification senders (IPs or CIDR ranges) — YooKassa's published ones by default
 * @param attempts       tries per call for network errors, 429 and 5xx, with the same idempotence key
 * @param backoff        wait before the second try; doubles each time
 */
@Validated
@ConfigurationProperties("dm.yookassa")
public record YooKassaProperties(
        @DefaultValue("https://api.yookassa.ru/v3") String apiBaseUrl,
        String shopId,
        String secretKey,
        @DefaultValue("https://t.me") String returnUrl,
        @DefaultValue({"185.71.76.0/27", "185.71.77.0/27", "77.75.153.0/25", "77.75.154.128/25", "77.75.156.11",
                "77.75.156.35", "2a02:5180::/32"}) List<String> allowedSources,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("3") @Positive int attempts,
        @DefaultValue("300ms") Duration backoff) {

    public boolean configured() {
        return shopId != null && !shopId.isBlank() && secretKey != null && !secretKey.isBlank();
    }
}
