package dev.darkmaximus.admin.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnChartTest {

    @Test
    void theAxisTopIsARoundNumberSplittingIntoWholeSteps() {
        assertThat(ColumnChart.niceCeiling(0)).isEqualTo(5);
        assertThat(ColumnChart.niceCeiling(1)).isEqualTo(5);
        assertThat(ColumnChart.niceCeiling(6)).isEqualTo(10);
        assertThat(ColumnChart.niceCeiling(11)).isEqualTo(20);
        assertThat(ColumnChart.niceCeiling(21)).isEqualTo(50);
        assertThat(ColumnChart.niceCeiling(19_900)).isEqualTo(20_000);
        assertThat(ColumnChart.niceCeiling(20_001)).isEqualTo(50_000);
    }

    @Test
    void oneBarPerValueWithItsValueAsTooltipAndTextEscaped() {
        String markup = ColumnChart.markup("A <b> chart", List.of("11-01", "11-02"), List.of(3L, 0L), 5,
                v -> v + " pcs");
        assertThat(markup.split("class='bar'", -1)).hasSize(3);
        assertThat(markup).contains("11-01: 3 pcs").contains("11-02: 0 pcs").doesNotContain("<b>");
    }
}
