package dev.darkmaximus.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.testsupport.InitData;

class TelegramInitDataVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final TelegramInitDataVerifier verifier = new TelegramInitDataVerifier(InitData.TEST_BOT_TOKEN,
            Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC), JsonMapper.builder().build());

    private static String launch(long authDate) {
        return InitData.signed(InitData.TEST_BOT_TOKEN, authDate, InitData.userJson(42, "Ivan", "ivan", "ru"),
                Map.of("query_id", "AAHdF6IQAAAAAN0XohDhrOrc", "start_param", "ref_1000"));
    }

    @Test
    void acceptsAGenuineLaunchAndReadsTheUser() {
        TelegramInitDataVerifier.Verified verified = verifier.verify(launch(NOW.getEpochSecond() - 60));

        assertThat(verified.profile().telegramId()).isEqualTo(42);
        assertThat(verified.profile().username()).isEqualTo("ivan");
        assertThat(verified.profile().shopLanguage()).isEqualTo("ru");
        assertThat(verified.startParam()).isEqualTo("ref_1000");
    }

    @Test
    void rejectsATamperedField() {
        String tampered = launch(NOW.getEpochSecond()).replace("ref_1000", "ref_1001");

        assertThatThrownBy(() -> verifier.verify(tampered))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("invalid_init_data");
    }

    @Test
    void rejectsDataSignedWithAnotherBotsToken() {
        String foreign = InitData.signed("999:OTHER", NOW.getEpochSecond(), InitData.userJson(42, "Ivan", "ivan", "ru"),
                Map.of());

        assertThatThrownBy(() -> verifier.verify(foreign))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("invalid_init_data");
    }

    @Test
    void rejectsStaleAndFutureLaunches() {
        assertThatThrownBy(() -> verifier.verify(launch(NOW.getEpochSecond() - 3601)))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("stale_init_data");
        assertThatThrownBy(() -> verifier.verify(launch(NOW.getEpochSecond() + 600)))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo("invalid_init_data");
    }

    @Test
    void rejectsGarbageWithoutThrowingAnythingButAProblem() {
        for (String garbage : new String[] {"", "no-equals-sign", "hash=zz&auth_date=1&user=%7B%7D", "user=%ZZ&hash=00",
                "auth_date=abc&user=%7B%22id%22%3A1%7D&hash=00"}) {
            assertThatThrownBy(() -> verifier.verify(garbage)).isInstanceOf(ApiException.class);
        }
    }
}
