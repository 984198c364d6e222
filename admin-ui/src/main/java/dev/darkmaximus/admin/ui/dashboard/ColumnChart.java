package dev.darkmaximus.admin.ui.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import com.vaadin.flow.component.Svg;

/**
 * A column chart drawn as inline SVG on the server: no chart library (Vaadin Charts is commercial) and no custom
 * front-end build. Scales with its container; colours follow the Lumo theme.
 */
final class ColumnChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int BOTTOM = 24;
    private static final int TOP = 10;
    /** Gridlines divide the axis in five: with a top of 1, 2 or 5 × 10ⁿ (at least 5) every step is whole. */
    private static final int STEPS = 5;

    private ColumnChart() {
    }

    /**
     * @param labels one per column (dates as "MM-dd"), shown sparsely so they never overlap
     * @param format how a value reads on the axis and in the tooltip
     */
    static Svg of(String id, String title, List<String> labels, List<Long> values, long minTop,
                  LongFunction<String> format) {
        Svg chart = new Svg(markup(title, labels, values, minTop, format));
        chart.setId(id);
        chart.getStyle().set("display", "block").set("width", "100%");
        return chart;
    }

    static String markup(String title, List<String> labels, List<Long> values, long minTop,
                         LongFunction<String> format) {
        long top = niceCeiling(Math.max(minTop, values.stream().mapToLong(Long::longValue).max().orElse(0)));
        int plotWidth = WIDTH - LEFT - 8;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double step = (double) plotWidth / Math.max(1, values.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("' role='img' aria-label='").append(escape(title))
                .append("' style='width:100%;height:auto;font:11px var(--lumo-font-family)'>");
        for (int i = 0; i <= STEPS; i++) {
            double y = TOP + plotHeight - plotHeight * i / (double) STEPS;
            svg.append(String.format(Locale.ROOT, "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' "
                    + "style='stroke:var(--lumo-contrast-10pct)'/>", LEFT, WIDTH - 8, y, y));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end' "
                    + "style='fill:var(--lumo-secondary-text-color)'>%s</text>", LEFT - 6, y + 4,
                    escape(format.apply(top * i / STEPS))));
        }
        int labelEvery = Math.max(1, (int) Math.ceil(values.size() / 10.0));
        for (int i = 0; i < values.size(); i++) {
            double h = plotHeight * (double) values.get(i) / top;
            double x = LEFT + i * step + step * 0.15;
            svg.append(String.format(Locale.ROOT, "<rect class='bar' x='%.1f' y='%.1f' width='%.1f' height='%.1f' "
                    + "style='fill:var(--lumo-primary-color)'><title>%s: %s</title></rect>", x,
                    TOP + plotHeight - h, step * 0.7, h, escape(labels.get(i)), escape(format.apply(values.get(i)))));
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' text-anchor='middle' "
                        + "style='fill:var(--lumo-secondary-text-color)'>%s</text>", x + step * 0.35, HEIGHT - 6,
                        escape(labels.get(i))));
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The smallest of 5, 10, 20, 50, 100, 200, … at or above the value, so axis steps read as round numbers. */
    static long niceCeiling(long value) {
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                long candidate = factor * magnitude;
                if (candidate >= 5 && candidate >= value) {
                    return candidate;
                }
            }
            magnitude *= 10;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
