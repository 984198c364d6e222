package dev.darkmaximus.panel;

import java.util.List;

/**
 * What a host sets for panels with groups, forwarding rules and revocation choices (Remnawave); 3x-ui hosts use none.
 *
 * @param squads           the squads (groups of inbounds) new and updated users join, by UUID
 * @param forwardedHeaders send {@code X-Forwarded-Proto: https} and {@code X-Forwarded-For}: a panel reached
 *                         without its reverse proxy (plain HTTP on a private network) refuses calls without them
 * @param revokeMode       {@code DELETE} removes the user on revocation; {@code DISABLE} keeps it, disabled, with
 *                         its subscription link revoked
 * @param trafficStrategy  when the panel resets a user's used traffic: NO_RESET, DAY, WEEK or MONTH
 */
public record PanelOptions(List<String> squads, boolean forwardedHeaders, String revokeMode, String trafficStrategy) {

    public static final PanelOptions NONE = new PanelOptions(List.of(), false, "DELETE", "NO_RESET");

    public PanelOptions {
        squads = squads == null ? List.of() : List.copyOf(squads);
        revokeMode = revokeMode == null ? "DELETE" : revokeMode;
        trafficStrategy = trafficStrategy == null ? "NO_RESET" : trafficStrategy;
    }

    public boolean disableOnRevoke() {
        return "DISABLE".equals(revokeMode);
    }
}
