package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.darkmaximus.platform.DataDirectory;

class JwtKeyConfigurationTest {

    @TempDir
    Path dataDir;

    private static AuthProperties withKey(String pem) {
        return new AuthProperties(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofHours(1), 5,
                Duration.ofMinutes(15), pem, "admin", "", 0, "");
    }

    @Test
    void generatesAKeyOnceAndReusesItAfterARestart() throws Exception {
        RSAKey first = new JwtKeyConfiguration().jwtSigningKey(withKey(""), new DataDirectory(dataDir.toString()));
        RSAKey second = new JwtKeyConfiguration().jwtSigningKey(withKey(""), new DataDirectory(dataDir.toString()));

        assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
        assertThat(dataDir.resolve("jwt-signing-key.pem")).exists();
    }

    @Test
    void acceptsAConfiguredKeyAlsoWrittenOnOneLine() throws Exception {
        new JwtKeyConfiguration().jwtSigningKey(withKey(""), new DataDirectory(dataDir.toString()));
        String pem = Files.readString(dataDir.resolve("jwt-signing-key.pem"));
        String oneLine = pem.strip().replace("\n", "\\n");

        RSAKey fromEnv = new JwtKeyConfiguration().jwtSigningKey(withKey(oneLine), new DataDirectory("/nonexistent"));

        assertThat(fromEnv.toRSAPublicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThatThrownBy(() -> new JwtKeyConfiguration().jwtSigningKey(
                withKey("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----"),
                new DataDirectory(dataDir.toString()))).isInstanceOf(IllegalStateException.class);
    }
}
