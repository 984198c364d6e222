package dev.darkmaximus.admin.ui.plans;

import java.math.BigDecimal;
import java.util.Optional;

/** Roubles as operators type them ("199", "199.90", "199,90") ↔ exact kopecks, parsed as decimals: no binary fractions. */
public final class Rubles {

    private Rubles() {
    }

    /** Empty for text that isn't a non-negative amount with at most two decimals. */
    public static Optional<Long> toKopecks(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String normalized = text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.');
        if (!normalized.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(normalized).movePointRight(2).longValueExact());
    }

    public static String fromKopecks(long kopecks) {
        return BigDecimal.valueOf(kopecks).movePointLeft(2).toPlainString();
    }
}
