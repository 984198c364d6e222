package dev.darkmaximus.admin.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.shared.Registration;

/**
 * Lists that fit an operator's phone: under {@link #PHONE} pixels only the columns that matter stay (the rest are on
 * the row's own card or dialog), filters wrap onto more lines instead of running off the screen, and an empty list
 * says so in words.
 */
public final class Responsive {

    /** Narrower than this is a phone held upright. */
    public static final int PHONE = 600;

    private Responsive() {
    }

    /** On a phone, only {@code keep} are shown; every column comes back when the window is wide again. */
    @SafeVarargs
    public static <T> void phoneColumns(Grid<T> grid, Grid.Column<T>... keep) {
        List<Grid.Column<T>> kept = List.of(keep);
        // How the view set the kept columns up, to put back when the window is wide again.
        Map<Grid.Column<T>, Sizing> wide = new HashMap<>();
        kept.forEach(column -> wide.put(column, new Sizing(column.isAutoWidth(), column.getWidth(),
                column.getFlexGrow())));
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(grid, kept, wide,
                    details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> show(grid, kept, wide,
                    e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static <T> void show(Grid<T> grid, List<Grid.Column<T>> kept, Map<Grid.Column<T>, Sizing> wide,
                                 int width) {
        boolean phone = width > 0 && width < PHONE;
        grid.getColumns().forEach(column -> column.setVisible(!phone || kept.contains(column)));
        for (Grid.Column<T> column : kept) {
            // On a phone the kept columns share the width (long values end in "…" rather than pushing the last
            // column off the screen); wider, each is as the view set it up.
            Sizing sizing = phone ? new Sizing(false, "1px", 1) : wide.get(column);
            column.setAutoWidth(sizing.autoWidth());
            column.setWidth(sizing.width());
            column.setFlexGrow(sizing.flexGrow());
        }
        grid.recalculateColumnWidths();
    }

    private record Sizing(boolean autoWidth, String width, int flexGrow) {
    }

    /** A list beside its detail on a wide screen, above it on a phone (side by side, neither would be readable). */
    public static void stackOnPhones(SplitLayout split, double widePosition) {
        split.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> stack(split, widePosition,
                    details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> stack(split, widePosition,
                    e.getWidth()));
            split.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void stack(SplitLayout split, double widePosition, int width) {
        boolean phone = width > 0 && width < PHONE;
        split.setOrientation(phone ? SplitLayout.Orientation.VERTICAL : SplitLayout.Orientation.HORIZONTAL);
        split.setSplitterPosition(phone ? 45 : widePosition);
    }

    /** A row of filters that wraps on a narrow screen, each filter at least readable. */
    public static HorizontalLayout filters(Component... filters) {
        HorizontalLayout row = new HorizontalLayout(filters);
        row.setWrap(true);
        row.setWidthFull();
        for (Component filter : filters) {
            if (!(filter instanceof HasValue<?, ?>)) {
                continue; // a button beside the filters keeps its own size
            }
            // Each grows to share a wide row and wraps to a line of its own on a phone, its label never cut.
            row.setFlexGrow(1, filter);
            if (filter instanceof HasSize sized) {
                sized.setMinWidth("14em");
                sized.setMaxWidth("28em");
            }
        }
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
