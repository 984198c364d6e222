package dev.darkmaximus.auth.apikey;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

/** What an integrator's key may do (SPEC §7); granted as {@code SCOPE_<wire>} authorities. */
// A named schema: the Java client generator mishandles an enum inlined in an array's items.
@Schema(name = "ApiScope", enumAsRef = true)
public enum ApiScope {
    CATALOG_READ("catalog:read"),
    CUSTOMERS_WRITE("customers:write"),
    ORDERS_WRITE("orders:write"),
    KEYS_WRITE("keys:write"),
    EVENTS_READ("events:read");

    private final String wire;

    ApiScope(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    static Optional<ApiScope> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
