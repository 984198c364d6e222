package dev.darkmaximus.admin.ui.hosts;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;

/** Inbound ids as operators type them: "1, 2" ↔ [1, 2]. */
final class InboundIdsConverter implements Converter<String, List<Integer>> {

    @Override
    public Result<List<Integer>> convertToModel(String value, ValueContext context) {
        try {
            List<Integer> ids = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList();
            return ids.isEmpty() || ids.stream().anyMatch(id -> id <= 0)
                    ? Result.error(UI.getCurrent().getTranslation("hosts.inboundIdsInvalid")) : Result.ok(ids);
        } catch (NumberFormatException e) {
            return Result.error(UI.getCurrent().getTranslation("hosts.inboundIdsInvalid"));
        }
    }

    @Override
    public String convertToPresentation(List<Integer> value, ValueContext context) {
        return value == null ? "" : String.join(", ", value.stream().map(String::valueOf).toList());
    }
}
