package dev.darkmaximus.panel;

import java.util.List;
import java.util.Optional;

/**
 * What the shop needs from a VPN panel, in panel-neutral terms. Adapters (3x-ui v2 and v3, Remnawave) translate; a
 * client's "email" is its identity on the panel (3x-ui's client email, Remnawave's username). Every write is idempotent: creating an existing client adopts it, updating sends the
 * full target state, deleting a missing client succeeds.
 */
public interface VpnPanel {

    /** Whether this adapter speaks the host's panel type (XUI_V2, XUI_V3, …). */
    boolean supports(String panelType);

    /** Creates the client, or adopts it when a client with this email already exists (a retried create). */
    PanelClient createClient(PanelConnection panel, ClientSpec spec);

    /** Sets the client's whole state (expiry, traffic limit, enabled, devices) to {@code spec}. */
    PanelClient updateClient(PanelConnection panel, ClientSpec spec);

    /**
     * Makes the panel's client match {@code spec}: updated if the panel has one with this email (an interrupted
     * attempt's, or the key's own), created otherwise. One lookup, where find-then-create would take three.
     */
    PanelClient upsertClient(PanelConnection panel, ClientSpec spec);

    /**
     * Removes the client; a client that is already gone counts as removed. Returns only once the panel no longer
     * lists the client: anything else (a refused token, an unexpected answer) throws.
     */
    void deleteClient(PanelConnection panel, String email);

    /**
     * Ends a revoked key's access the way the host wants it: deleted ({@link #deleteClient}), or, on panels that can
     * keep users (Remnawave, when the host says so), switched off with its link revoked. A client already gone counts
     * as revoked; any failure throws.
     */
    default void revokeClient(PanelConnection panel, String email) {
        deleteClient(panel, email);
    }

    /** The client, or empty only when the panel positively lists no such client; any failure throws. */
    Optional<PanelClient> findClient(PanelConnection panel, String email);

    /** Every client on the host's inbounds, for sync and orphan detection. */
    List<PanelClient> listClients(PanelConnection panel);

    /**
     * The client's connection link ({@code vless://…}, {@code trojan://…}) built from the inbound's real settings,
     * or empty when the inbound's protocol has no link form. {@code remark} names the link in the customer's app.
     */
    Optional<String> connectionLink(PanelConnection panel, ClientSpec spec, String remark);

    /**
     * Signs in, reads the panel's version and checks the host's inbounds; throws {@link PanelException} when the
     * panel can't be used at all. The version decides behaviour where panel versions differ.
     */
    PanelInfo describe(PanelConnection panel);

    /**
     * The panel's squads (groups of inbounds users join), read live for an operator choosing them. Panels without
     * squads refuse.
     */
    default List<PanelSquad> squads(PanelConnection panel) {
        throw new PanelException("this panel type has no squads", false);
    }

    /** Drops what the adapter keeps for a host (session, version): after a one-off check of an unsaved host. */
    default void forget(long hostId) {
    }
}
