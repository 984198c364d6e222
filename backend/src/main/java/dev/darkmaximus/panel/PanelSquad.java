package dev.darkmaximus.panel;

/** A group of inbounds on a panel that users join (a Remnawave internal squad), as the panel lists it. */
public record PanelSquad(String uuid, String name, int members, int inbounds) {
}
