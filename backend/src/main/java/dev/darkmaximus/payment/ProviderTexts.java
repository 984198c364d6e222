package dev.darkmaximus.payment;

import java.math.BigDecimal;

import dev.darkmaximus.billing.OrderKind;
import dev.darkmaximus.billing.OrderView;

/**
 * What every provider says the same way: what an order buys, as shown on the payment page or invoice, and amounts
 * as the decimal strings providers use ("199.00" ↔ 19900 kopecks).
 */
public final class ProviderTexts {

    private ProviderTexts() {
    }

    /** "VPN key", "VPN key extension" or "Balance top-up". */
    public static String title(OrderKind kind) {
        return switch (kind) {
            case NEW_KEY -> "VPN key";
            case EXTEND_KEY -> "VPN key extension";
            case TOP_UP -> "Balance top-up";
        };
    }

    /** "VPN key, order #42". */
    public static String description(OrderView order) {
        return title(order.kind()) + ", order #" + order.id();
    }

    /** Minor units as a decimal string with two places. */
    public static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /** Minor units, or -1 for a value that isn't a whole number of them (never equal to an amount of ours). */
    public static long minorOrUnknown(String value) {
        try {
            return new BigDecimal(value).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException unreadable) {
            return -1;
        }
    }
}
