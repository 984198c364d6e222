package dev.darkmaximus.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.darkmaximus.platform.error.InvalidInputException;

/** Squad UUIDs as hosts and plans store them ("uuid,uuid"), and the check of what an admin sends. */
public final class Squads {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Squads() {
    }

    public static List<String> parse(String stored) {
        return stored == null || stored.isBlank() ? List.of()
                : Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Lower-case, without duplicates, in the order given; null for none. */
    static String format(List<String> squads, String field) {
        if (squads == null || squads.isEmpty()) {
            return null;
        }
        for (String squad : squads) {
            if (squad == null || !UUID.matcher(squad.strip()).matches()) {
                throw InvalidInputException.field(field, "invalid_squad", "must list squad UUIDs");
            }
        }
        return String.join(",", squads.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().toList());
    }
}
