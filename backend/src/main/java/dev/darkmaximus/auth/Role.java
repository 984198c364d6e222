package dev.darkmaximus.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may do what; carried in the token's {@code roles} claim and mapped to ROLE_* authorities. */
public enum Role {
    CUSTOMER, OPERATOR, ADMIN, INTEGRATOR;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
