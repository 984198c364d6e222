package dev.darkmaximus.catalog;

/** How the shop's connection to a host's panel is protected, so the Hosts screen can say when it isn't. */
public enum ConnectionSecurity {
    /** https, checked against the public CAs the backend's Java trusts. */
    VERIFIED,
    /** https, checked against the host's own CA certificate only. */
    CUSTOM_CA,
    /** https with verification switched off: anyone on the path can pose as the panel. */
    UNVERIFIED,
    /** http: the panel password and every key travel in clear. */
    PLAIN_HTTP;

    static ConnectionSecurity of(String baseUrl, boolean tlsVerify, String caCertificate) {
        if (baseUrl == null || !baseUrl.regionMatches(true, 0, "https://", 0, 8)) {
            return PLAIN_HTTP;
        }
        if (!tlsVerify) {
            return UNVERIFIED;
        }
        return caCertificate == null ? VERIFIED : CUSTOM_CA;
    }
}
