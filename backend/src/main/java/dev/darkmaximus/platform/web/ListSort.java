package dev.darkmaximus.platform.web;

import java.util.Map;
import java.util.TreeSet;

import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * A list's order as an admin picks it by a column: {@code field} ascending, {@code -field} descending, from the
 * fields a list allows. The SQL comes only from that allow-list, never from the request, and ties are broken by
 * id so pages don't overlap.
 */
public record ListSort(String orderBy) {

    /**
     * @param columns the sortable fields and their SQL columns
     * @param idColumn the tie-breaker, e.g. {@code c.id}
     */
    public static ListSort parse(String sort, Map<String, String> columns, String idColumn) {
        String spec = sort.strip();
        boolean descending = spec.startsWith("-");
        String field = descending ? spec.substring(1) : spec;
        String column = columns.get(field);
        if (column == null) {
            throw InvalidInputException.field("sort", "unknown_sort", "one of " + String.join(", ",
                    new TreeSet<>(columns.keySet())) + ", optionally prefixed with - for descending");
        }
        String direction = descending ? " DESC" : " ASC";
        return new ListSort(column + direction + " NULLS LAST, " + idColumn + direction);
    }
}
