package dev.darkmaximus.bot;

import dev.darkmaximus.billing.OrderKind;

/**
 * What a shop button buys. Its one-letter {@link #code} travels in callback data (Telegram allows 64 bytes), so the
 * letters are part of buttons already sent and never change.
 */
enum Purchase {
    NEW_KEY("n", OrderKind.NEW_KEY),
    EXTEND_KEY("x", OrderKind.EXTEND_KEY),
    TOP_UP("t", OrderKind.TOP_UP);

    final String code;
    final OrderKind kind;

    Purchase(String code, OrderKind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The purchase a button's code names; an unknown code is a forged or broken button. */
    static Purchase of(String code) {
        for (Purchase purchase : values()) {
            if (purchase.code.equals(code)) {
                return purchase;
            }
        }
        throw new IllegalArgumentException("unknown purchase code " + code);
    }
}
