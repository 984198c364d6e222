package dev.darkmaximus.payment.cryptobot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Which Crypto Pay app we act as: the token an admin set in the settings, else the server's configuration
 * (dm.cryptobot.token), and on which network. Read on every call, so a change applies without a restart.
 */
@Component
class CryptoBotAccount {

    private final CryptoBotProperties properties;
    private final ShopSettings settings;

    CryptoBotAccount(CryptoBotProperties properties, ShopSettings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    boolean configured() {
        return token().isPresent();
    }

    Optional<String> token() {
        return settings.cryptoBotToken().or(() -> properties.configured()
                ? Optional.of(properties.token().strip()) : Optional.empty());
    }

    String apiBaseUrl() {
        return settings.cryptoBotTestnet() ? properties.testnetApiBaseUrl() : properties.apiBaseUrl();
    }

    /**
     * The key CryptoBot signs webhooks with: SHA-256 of the app's token (Crypto Pay API, "Verifying webhook
     * updates"); empty while no token is set, and then no webhook can be verified.
     */
    Optional<byte[]> signingKey() {
        return token().map(t -> {
            try {
                return MessageDigest.getInstance("SHA-256").digest(t.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
    }
}
