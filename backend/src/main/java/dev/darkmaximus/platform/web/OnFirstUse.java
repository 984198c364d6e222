package dev.darkmaximus.platform.web;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made by the first caller that needs it and shared afterwards. For clients of services a shop may never
 * call (CryptoBot without a token, outgoing webhooks without subscribers): a {@code java.net.http.HttpClient} starts a
 * selector thread and a TLS context that a start should not pay for (make bench, issue 24).
 */
public final class OnFirstUse<T> implements Supplier<T> {

    private final Supplier<? extends T> make;
    private volatile T value;

    public OnFirstUse(Supplier<? extends T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = Objects.requireNonNull(make.get(), "made nothing");
                    value = made;
                }
            }
        }
        return made;
    }
}
