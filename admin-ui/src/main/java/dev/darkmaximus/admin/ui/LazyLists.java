package dev.darkmaximus.admin.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;

import dev.darkmaximus.admin.backend.BackendException;

/**
 * A grid that pages and sorts on the server: it asks the backend for the rows it is about to show, in the order of
 * the column header the operator clicked ({@code field} / {@code -field}), however long the list.
 */
public final class LazyLists {

    /** The backend's largest page. */
    private static final int API_PAGE = 100;

    private LazyLists() {
    }

    @FunctionalInterface
    public interface PageFetch<T> {
        /** One page from the backend; more than {@code limit} rows are never asked for. */
        List<T> fetch(String sort, int offset, int limit);
    }

    /** @param defaultSort the order before any header is clicked, e.g. {@code -registeredAt} */
    public static <T> void bind(Grid<T> grid, String defaultSort, PageFetch<T> backend) {
        grid.setPageSize(50);
        if (grid.getEmptyStateText() == null) {
            // An empty list says so, rather than showing a blank box.
            grid.setEmptyStateText(grid.getTranslation("common.empty"));
        }
        grid.setItems(query -> {
            String sort = sort(query.getSortOrders(), defaultSort);
            List<T> rows = new ArrayList<>();
            int offset = query.getOffset();
            int wanted = query.getLimit();
            try {
                while (rows.size() < wanted) {
                    int limit = Math.min(API_PAGE, wanted - rows.size());
                    List<T> page = backend.fetch(sort, offset + rows.size(), limit);
                    rows.addAll(page);
                    if (page.size() < limit) {
                        break;
                    }
                }
            } catch (BackendException e) {
                Failures.show(e);
            }
            return rows.stream();
        });
    }

    static String sort(List<QuerySortOrder> orders, String defaultSort) {
        if (orders.isEmpty()) {
            return defaultSort;
        }
        QuerySortOrder first = orders.getFirst();
        return (first.getDirection() == SortDirection.DESCENDING ? "-" : "") + first.getSorted();
    }
}
