package dev.darkmaximus.payment.cryptobot;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * CryptoBot (Crypto Pay API) access. An unset token = the method is off, unless an admin set one in the settings
 * (CryptoBotAccount); the settings' test-network switch picks {@code testnetApiBaseUrl}.
 *
 * @param apiBaseUrl        the API root of the real network (a WireMock in tests)
 * @param testnetApiBaseUrl the API root of the test network
 * @param token             the app's API token from @CryptoBot (Crypto Pay → My apps)
 * @param attempts          tries per read for network errors, 429 and 5xx; invoices are created once (see client)
 * @param backoff           wait before the second try; doubles each time
 */
@Validated
@ConfigurationProperties("dm.cryptobot")
public record CryptoBotProperties(
        @DefaultValue("https://pay.crypt.bot/api") String apiBaseUrl,
        @DefaultValue("https://testnet-pay.crypt.bot/api") String testnetApiBaseUrl,
        String token,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("3") @Positive int attempts,
        @DefaultValue("300ms") Duration backoff) {

    public boolean configured() {
        return token != null && !token.isBlank();
    }
}
