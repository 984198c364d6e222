package dev.darkmaximus.catalog;

import java.util.List;

/**
 * What an admin submits to create or change a host; a null or blank password or API token on update keeps the
 * stored one. The Remnawave settings ({@code squads} … {@code trafficStrategy}) left null keep what is stored (or the
 * defaults on create), so integrations written before them don't wipe them.
 */
public record HostCommand(String name, PanelType panelType, String baseUrl, String webBasePath, String username,
                          String password, String apiToken, List<Integer> inboundIds, String subscriptionBaseUrl, boolean tlsVerify,
                          String caCertificate, boolean enabled, int displayOrder, String countryCode, String flag,
                          String nameEn, List<String> squads, Boolean forwardedHeaders, RevokeMode revokeMode,
                          TrafficStrategy trafficStrategy) {

    @Override
    public String toString() {
        return "HostCommand[name=" + name + ", baseUrl=" + baseUrl + "]";
    }
}
