package dev.darkmaximus.admin.ui.payments;

import java.math.BigDecimal;

/** Minor units as operators read them: "199.05 RUB", "100 XTR". */
public final class Amounts {

    private Amounts() {
    }

    public static String format(Long minor, Object currency) {
        if (minor == null) {
            return "";
        }
        String code = String.valueOf(currency);
        int digits = switch (code) {
            case "RUB" -> 2;
            case "USDT" -> 6;
            case "TON" -> 9;
            default -> 0;
        };
        return BigDecimal.valueOf(minor, digits).stripTrailingZeros().toPlainString() + " " + code;
    }
}
