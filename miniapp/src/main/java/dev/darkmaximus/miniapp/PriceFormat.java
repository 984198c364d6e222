package dev.darkmaximus.miniapp;

/**
 * Formats exact minor-unit amounts for display; integer arithmetic only, so a price is never rounded by floating
 * point on its way to the screen.
 */
final class PriceFormat {

    private PriceFormat() {
    }

    static String format(long amountMinor, String currency) {
        return switch (currency) {
            case "RUB" -> decimal(amountMinor, 2) + " ₽";
            case "XTR" -> grouped(amountMinor) + " ⭐";
            case "USDT" -> decimal(amountMinor, 6) + " USDT";
            case "TON" -> decimal(amountMinor, 9) + " TON";
            default -> amountMinor + " " + currency;
        };
    }

    /** Whole units grouped by thousands; a fraction only when there is one, trimmed but kept to two digits. */
    static String decimal(long amountMinor, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        boolean negative = amountMinor < 0;
        long abs = Math.abs(amountMinor);
        String whole = grouped(abs / scale);
        long fraction = abs % scale;
        String text = whole;
        if (fraction != 0) {
            StringBuilder f = new StringBuilder(Long.toString(fraction));
            while (f.length() < digits) {
                f.insert(0, '0');
            }
            while (f.length() > 2 && f.charAt(f.length() - 1) == '0') {
                f.setLength(f.length() - 1);
            }
            text = whole + "." + f;
        }
        return negative ? "-" + text : text;
    }

    static String grouped(long value) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0 && digits.length() > 4) {
                out.append('\u00a0');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** Roubles as typed ("150", "99.90", "99,9") to kopecks; null for anything else. */
    static Long parseRoubles(String text) {
        String t = text == null ? "" : text.trim().replace(',', '.');
        if (!t.matches("\\d{1,9}(\\.\\d{1,2})?")) {
            return null;
        }
        int dot = t.indexOf('.');
        if (dot < 0) {
            return Long.parseLong(t) * 100;
        }
        String fraction = (t.substring(dot + 1) + "0").substring(0, 2);
        return Long.parseLong(t.substring(0, dot)) * 100 + Long.parseLong(fraction);
    }
}
