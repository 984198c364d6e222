package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.darkmaximus.platform.crypto.SecretCipher;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void roundTripsWithAFreshIvEachTime() {
        SecretCipher cipher = new SecretCipher("", new DataDirectory(dataDir.toString()));

        String first = cipher.encrypt("panel-password");
        String second = cipher.encrypt("panel-password");

        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain("panel-password");
        assertThat(cipher.decrypt(first)).isEqualTo("panel-password");
    }

    @Test
    void keepsTheGeneratedKeyAcrossRestarts() {
        String sealed = new SecretCipher("", new DataDirectory(dataDir.toString())).encrypt("x");

        assertThat(new SecretCipher("", new DataDirectory(dataDir.toString())).decrypt(sealed)).isEqualTo("x");
        assertThat(dataDir.resolve("secret.key")).exists();
    }

    @Test
    void refusesTamperedCiphertextAndAWrongKey() {
        SecretCipher cipher = new SecretCipher("", new DataDirectory(dataDir.toString()));
        String sealed = cipher.encrypt("x");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 0x01; // one bit of the GCM tag
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        SecretCipher other = new SecretCipher("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                new DataDirectory(dataDir.toString()));

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
