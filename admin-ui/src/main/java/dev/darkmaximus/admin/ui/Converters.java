package dev.darkmaximus.admin.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;

/** Small Binder converters shared by the forms. */
public final class Converters {

    /** An emptied number field means 0 (limits, display order), never null: the API expects a number. */
    public static final Converter<Integer, Integer> ZERO_WHEN_EMPTY =
            Converter.from(value -> Result.ok(value == null ? 0 : value), value -> value);

    private Converters() {
    }
}
