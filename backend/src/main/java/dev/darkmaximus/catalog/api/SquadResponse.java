package dev.darkmaximus.catalog.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import dev.darkmaximus.panel.PanelSquad;

/** A Remnawave internal squad as the panel lists it. */
public record SquadResponse(
        @Schema(example = "0b5e2f0c-6d1a-4c7e-9f3b-2a8d4e6c1f70") @NotNull String uuid,
        @Schema(example = "Europe") @NotNull String name,
        @Schema(description = "Users in the squad.", example = "120") int members,
        @Schema(description = "Inbounds the squad's users reach.", example = "3") int inbounds) {

    static SquadResponse from(PanelSquad s) {
        return new SquadResponse(s.uuid(), s.name(), s.members(), s.inbounds());
    }
}
