package dev.darkmaximus.platform.ratelimit;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-client-IP request budgets.
 *
 * @param enabled         off only for benchmarks
 * @param loginPerMinute  sign-in attempts (admin password, Telegram initData, dev login) per IP per minute
 * @param publicPerMinute other API requests per IP per minute
 * @param checkoutPerMinute orders created per IP per minute
 * @param webhookPerMinute payment provider notifications per sender address per minute
 * @param apiKeyPerMinute requests per integrator API key per minute (and per address sending API keys)
 * @param ordersPerCustomerPerMinute orders one customer may open per minute, from any address (SPEC §7)
 * @param pagePerMinute   public subscription page reads (/s/…) per address per minute, by people and VPN apps
 *                        (generous: apps refreshing behind one carrier NAT or VPN exit share an address)
 */
@Validated
@ConfigurationProperties("dm.ratelimit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") @Positive int loginPerMinute,
        @DefaultValue("120") @Positive int publicPerMinute,
        @DefaultValue("20") @Positive int checkoutPerMinute,
        @DefaultValue("600") @Positive int webhookPerMinute,
        @DefaultValue("600") @Positive int apiKeyPerMinute,
        @DefaultValue("10") @Positive int ordersPerCustomerPerMinute,
        @DefaultValue("300") @Positive int pagePerMinute) {
}
