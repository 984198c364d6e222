package dev.darkmaximus.panel;

import java.util.List;

/**
 * How to reach one host's panel. Credentials are decrypted only for the duration of a call and never logged.
 *
 * @param webBasePath the panel's secret path prefix ("" for none)
 * @param apiToken    3x-ui v3 bearer token; when null, v3 falls back to username/password
 * @param panelVersion the version the panel reported at the last connection test, or null when not known yet
 * @param caCertificate PEM certificate(s) the host trusts instead of the public CAs, or null
 * @param options      squads, forwarded headers and revocation for panels that have them (Remnawave)
 */
public record PanelConnection(long hostId, String panelType, String baseUrl, String webBasePath, String username,
                              String password, String apiToken, List<Integer> inboundIds, boolean tlsVerify,
                              String caCertificate, String panelVersion,
                              PanelOptions options) {

    public PanelConnection {
        inboundIds = List.copyOf(inboundIds);
        webBasePath = webBasePath == null ? "" : webBasePath;
        options = options == null ? PanelOptions.NONE : options;
    }

    /** A host without panel options (3x-ui). */
    public PanelConnection(long hostId, String panelType, String baseUrl, String webBasePath, String username,
                           String password, String apiToken, List<Integer> inboundIds, boolean tlsVerify,
                           String caCertificate, String panelVersion) {
        this(hostId, panelType, baseUrl, webBasePath, username, password, apiToken, inboundIds, tlsVerify,
                caCertificate, panelVersion, PanelOptions.NONE);
    }

    /** Base URL with the web base path, without a trailing slash. */
    public String root() {
        String path = webBasePath.isEmpty() ? "" : (webBasePath.startsWith("/") ? webBasePath : "/" + webBasePath);
        String url = baseUrl + path;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "PanelConnection[hostId=" + hostId + ", " + baseUrl + "]";
    }
}
