package dev.darkmaximus.dm2import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DM2's floats and timestamps read exactly, and the command's arguments refused with a reason. */
class Dm2ImportUnitsTest {

    @TempDir
    Path dir;

    @Test
    void realRoublesAreReadAsTheirShortestDecimalAndRoundedHalfUp() {
        assertThat(Roubles.of(0.1 + 0.2).kopecks()).isEqualTo(30);
        assertThat(Roubles.of(0.1 + 0.2).rounded()).isTrue();
        assertThat(Roubles.of(0.1 + 0.2).shown()).isEqualTo("0.30000000000000004");
        assertThat(Roubles.of(1234.565).kopecks()).isEqualTo(123_457); // the double is just below; DM2 showed .565
        assertThat(Roubles.of(2.675).kopecks()).isEqualTo(268);
        assertThat(Roubles.of(199.0).rounded()).isFalse();
        assertThat(Roubles.of(199.0).shown()).isEqualTo("199");
        assertThat(Roubles.of(100L).kopecks()).isEqualTo(10_000);
        assertThat(Roubles.of(-0.005).kopecks()).isEqualTo(-1);
        assertThat(Roubles.of(2.5).whole()).isEqualTo(3); // traffic, percent, days: half up, no floating point
        assertThat(Roubles.of(0.49).whole()).isZero();
        assertThat(Roubles.of(Double.NaN)).isNull();
        assertThat(Roubles.of("abc")).isNull();
        assertThat(Roubles.of(null)).isNull();
    }

    @Test
    void dm2TimesAreReadInTheZoneEachWasWrittenIn() {
        Dm2Times times = new Dm2Times(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(times.utc("2030-01-01 00:00:00")).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(times.moscow("2024-05-01 12:00:00")).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
        assertThat(times.moscow("2024-05-01 12:00:00.5+03:00")).isEqualTo(Instant.parse("2024-05-01T09:00:00.5Z"));
        assertThat(times.serverLocal("2024-05-01T12:00:00")).isEqualTo(Instant.parse("2024-05-01T07:00:00Z"));
        assertThat(times.utc("2024-05-01")).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(times.utc("yesterday")).isNull();
        assertThat(times.utc(null)).isNull();
    }

    @Test
    void theCommandRefusesBadArgumentsWithAReason() throws Exception {
        Path db = Files.createFile(dir.resolve("users.db"));
        assertThatThrownBy(() -> Dm2ImportCommand.Arguments.parse(List.of("--apply")))
                .hasMessage("--file is required");
        assertThatThrownBy(() -> Dm2ImportCommand.Arguments.parse(List.of("--file", dir.resolve("none").toString())))
                .hasMessageStartingWith("cannot read");
        assertThatThrownBy(() -> Dm2ImportCommand.Arguments.parse(List.of("--file", db.toString(), "--apply",
                "--dry-run"))).hasMessage("--dry-run and --apply exclude each other");
        assertThatThrownBy(() -> Dm2ImportCommand.Arguments.parse(List.of("--file", db.toString(), "--dm2-zone",
                "Mars/Base"))).hasMessageStartingWith("--dm2-zone");
        assertThatThrownBy(() -> Dm2ImportCommand.Arguments.parse(List.of("--file", "--apply")))
                .hasMessage("--file needs a value");
        assertThat(Dm2ImportCommand.Arguments.parse(List.of("--file", db.toString())).apply()).isFalse();
        assertThat(Dm2ImportCommand.Arguments.parse(List.of("--file", db.toString(), "--apply")).apply()).isTrue();
        assertThatThrownBy(() -> new Dm2Source(db)).hasMessageContaining("not a Dark Maximus 2 users.db");
    }
}
