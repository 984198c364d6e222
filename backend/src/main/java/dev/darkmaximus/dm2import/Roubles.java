package dev.darkmaximus.dm2import;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DM2 keeps money as SQLite REAL roubles. A value is read as its shortest decimal form (what Python printed to the
 * operator: 0.1 + 0.2 is 0.30000000000000004, 1234.565 is 1234.565) and rounded half up to kopecks.
 *
 * @param decimal the value as DM2 shows it
 * @param kopecks the value in kopecks
 */
record Roubles(BigDecimal decimal, long kopecks) {

    /** Null for a NULL or unreadable value; the caller reports it. */
    static Roubles of(Object real) {
        BigDecimal exact;
        if (real == null) {
            return null;
        } else if (real instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            exact = new BigDecimal(Double.toString(d)); // the shortest decimal that reads back as the same double
        } else if (real instanceof Float f) {
            exact = new BigDecimal(Float.toString(f));
        } else if (real instanceof Number n) {
            exact = BigDecimal.valueOf(n.longValue());
        } else {
            try {
                exact = new BigDecimal(real.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return new Roubles(exact.stripTrailingZeros(),
                exact.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    /** Whether kopecks lost something: the decimal had more than two places. */
    boolean rounded() {
        return decimal.scale() > 2;
    }

    String shown() {
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    /** The decimal rounded half up to a whole number (traffic GB, percent, days): exact, no floating point. */
    long whole() {
        return decimal.setScale(0, RoundingMode.HALF_UP).longValue();
    }

    static String kopecksShown(long kopecks) {
        return BigDecimal.valueOf(kopecks, 2).toPlainString();
    }
}
