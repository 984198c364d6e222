package dev.darkmaximus.admin.ui.plans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RublesTest {

    @Test
    void operatorInputBecomesExactKopecks() {
        assertThat(Rubles.toKopecks("199")).contains(19_900L);
        assertThat(Rubles.toKopecks("199.9")).contains(19_990L);
        assertThat(Rubles.toKopecks("199,99")).contains(19_999L);
        assertThat(Rubles.toKopecks(" 1 299.01 ")).contains(129_901L);
        assertThat(Rubles.toKopecks("0.10")).contains(10L);
    }

    @Test
    void anythingElseIsRefusedRatherThanRounded() {
        for (String bad : new String[] {"", " ", "-1", "1.999", "abc", "1e3", "12.", "999999999999999"}) {
            assertThat(Rubles.toKopecks(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void kopecksShowAsRoubles() {
        assertThat(Rubles.fromKopecks(19_900)).isEqualTo("199.00");
        assertThat(Rubles.fromKopecks(5)).isEqualTo("0.05");
    }
}
