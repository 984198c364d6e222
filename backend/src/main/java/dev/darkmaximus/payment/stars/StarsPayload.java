package dev.darkmaximus.payment.stars;

import java.util.Optional;

/** The invoice payload: {@code dm:<orderId>:<paymentId>}. Only ids; the amount is always re-read from our order. */
record StarsPayload(long orderId, long paymentId) {

    static String of(long orderId, long paymentId) {
        return "dm:" + orderId + ":" + paymentId;
    }

    static Optional<StarsPayload> parse(String payload) {
        if (payload == null || !payload.matches("dm:\\d{1,18}:\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = payload.split(":");
        return Optional.of(new StarsPayload(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
    }
}
