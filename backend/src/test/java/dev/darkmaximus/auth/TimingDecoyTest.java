package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The unknown-login decoy must cost what a real password check costs: a valid hash at the encoder's strength. */
class TimingDecoyTest {

    @Test
    void decoyIsAValidHashAtTheEncodersCost() {
        BCryptPasswordEncoder encoder = (BCryptPasswordEncoder) new SecurityConfiguration().passwordEncoder();
        String realHash = encoder.encode("some password");
        assertThat(StaffService.TIMING_DECOY).startsWith(realHash.substring(0, 7)); // "$2a$12$": version and cost
        assertThat(encoder.matches("timing-decoy", StaffService.TIMING_DECOY)).isTrue();
    }
}
