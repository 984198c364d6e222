package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B uses this ASCII string as the HMAC-SHA1 key. */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(2000000000)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(59)), 6)).isEqualTo("287082");
        assertThat(Totp.code(Totp.encodeBase32(RFC_KEY), 1)).isEqualTo("287082");
    }

    @Test
    void base32FollowsRfc4648WithoutPadding() {
        assertThat(Totp.encodeBase32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Totp.encodeBase32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.encodeBase32(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_KEY);
        assertThat(Totp.decodeBase32("MZXW6YTBOI======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void newSecretsAre160BitsAndDiffer() {
        SecureRandom random = new SecureRandom();
        String first = Totp.newSecret(random);

        assertThat(first).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.decodeBase32(first)).hasSize(20);
        assertThat(Totp.newSecret(random)).isNotEqualTo(first);
    }

    @Test
    void acceptsTheNeighbouringStepsButNotOlderOrNewerCodes() {
        String secret = Totp.encodeBase32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.stepAt(now);

        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEmpty();
    }

    @Test
    void theProvisioningUriNamesIssuerAndAccount() {
        assertThat(Totp.uri("olga.support", "GEZDGNBV"))
                .isEqualTo("otpauth://totp/DarkMaximus:olga.support?secret=GEZDGNBV&issuer=DarkMaximus");
        assertThat(Totp.uri("two words", "GEZDGNBV")).startsWith("otpauth://totp/DarkMaximus:two%20words?");
    }
}
