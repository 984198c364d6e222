package dev.darkmaximus.catalog.persistence;

import java.util.Arrays;
import java.util.List;

/** The panel inbounds a host's keys are created on, stored as "1,2" (a handful of small ints). */
public record InboundIds(List<Integer> values) {

    public InboundIds {
        values = List.copyOf(values);
    }

    static InboundIds parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return new InboundIds(List.of());
        }
        return new InboundIds(Arrays.stream(stored.split(",")).map(String::strip).map(Integer::valueOf).toList());
    }

    String format() {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
