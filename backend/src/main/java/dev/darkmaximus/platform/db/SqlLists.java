package dev.darkmaximus.platform.db;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Enum constants as an SQL list ({@code 'A', 'B'}) for an {@code IN (…)} in a hand-written query, so a status set is
 * defined once, on its enum, and a query can't drift from it. Only enum names go in, never input.
 */
public final class SqlLists {

    private SqlLists() {
    }

    public static <E extends Enum<E>> String of(Class<E> type, Predicate<E> which) {
        return Arrays.stream(type.getEnumConstants()).filter(which).map(e -> "'" + e.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
