package dev.darkmaximus.admin.ui;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.QueryParameters;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.Problem;

/**
 * Shows a failed backend call where the operator looks: field errors on their fields, everything else as a
 * notification, and an ended session as a trip back to the login view.
 */
public final class Failures {

    private Failures() {
    }

    public static void show(BackendException e) {
        show(e, Map.of());
    }

    /** @param fields the form's inputs by API field name ("name", "prices[0].amount", …) */
    public static void show(BackendException e, Map<String, ? extends HasValidation> fields) {
        if (e.sessionEnded()) {
            UI.getCurrent().navigate(LoginView.class, QueryParameters.of("expired", "1"));
            return;
        }
        Problem problem = e.problem();
        boolean allPlaced = !problem.fieldErrors().isEmpty();
        for (Map.Entry<String, String> error : problem.fieldErrors().entrySet()) {
            HasValidation field = fieldFor(error.getKey(), fields);
            if (field != null) {
                field.setErrorMessage(error.getValue());
                field.setInvalid(true);
            } else {
                allPlaced = false;
            }
        }
        if (!allPlaced) {
            String text = problem.fieldErrors().isEmpty() ? problem.detail()
                    : problem.detail() + " " + problem.fieldErrors().entrySet().stream()
                            .map(error -> error.getKey() + ": " + error.getValue())
                            .collect(Collectors.joining("; "));
            Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * The input for an API field path, trying ever shorter prefixes: "prices[1].amount", then "prices[1]", then
     * "prices" — so a form may have one input per list item or one for the whole list.
     */
    static HasValidation fieldFor(String apiField, Map<String, ? extends HasValidation> fields) {
        String candidate = apiField;
        while (!candidate.isEmpty()) {
            HasValidation field = fields.get(candidate);
            if (field != null) {
                return field;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut > 0 ? candidate.substring(0, cut) : "";
        }
        return null;
    }
}
