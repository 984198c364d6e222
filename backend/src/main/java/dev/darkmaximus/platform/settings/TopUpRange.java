package dev.darkmaximus.platform.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.darkmaximus.platform.error.FieldError;

/** The one rule between two settings: the smallest top-up can't exceed the largest, whichever of them changes. */
final class TopUpRange {

    static final Set<String> KEYS = Set.of(ShopSettings.TOPUP_MIN, ShopSettings.TOPUP_MAX);

    private TopUpRange() {
    }

    /**
     * @param wanted the checked new values by key (null = back to the default); both top-up keys, if present, valid
     * @param stored what is stored now
     */
    static List<FieldError> check(Map<String, String> wanted, Map<String, String> stored) {
        boolean minChanges = wanted.containsKey(ShopSettings.TOPUP_MIN);
        boolean maxChanges = wanted.containsKey(ShopSettings.TOPUP_MAX);
        long min = effective(ShopSettings.TOPUP_MIN, wanted, stored);
        long max = effective(ShopSettings.TOPUP_MAX, wanted, stored);
        List<FieldError> errors = new ArrayList<>();
        if ((minChanges || maxChanges) && min > max) {
            if (minChanges) {
                errors.add(new FieldError(ShopSettings.TOPUP_MIN, "out_of_range",
                        "must not exceed the largest top-up (" + max + ")"));
            }
            if (maxChanges) {
                errors.add(new FieldError(ShopSettings.TOPUP_MAX, "out_of_range",
                        "must not be below the smallest top-up (" + min + ")"));
            }
        }
        return errors;
    }

    private static long effective(String key, Map<String, String> wanted, Map<String, String> stored) {
        String value = wanted.containsKey(key) ? wanted.get(key) : stored.get(key);
        String fallback = SettingCatalogue.get(key).defaultValue();
        // A value written unchecked (ShopSettings.put) that is no number must not turn a settings save into a 500.
        return Long.parseLong(value == null || !value.matches("-?[0-9]{1,18}") ? fallback : value);
    }
}
