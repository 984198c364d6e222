package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.auth.Role;
import dev.darkmaximus.auth.StaffView;

public record StaffMeResponse(
        @Schema(example = "4") long id,
        @Schema(example = "olga.support") String username,
        @Schema(allowableValues = {"admin", "operator"}, example = "operator") Role role,
        @Schema(description = "Whether sign-in asks for a TOTP code.", example = "true") boolean totpEnabled) {

    static StaffMeResponse from(StaffView s) {
        return new StaffMeResponse(s.id(), s.username(), s.role(), s.totpEnabled());
    }
}
