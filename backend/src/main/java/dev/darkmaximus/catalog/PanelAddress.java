package dev.darkmaximus.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.darkmaximus.platform.error.InvalidInputException;

/** A panel's address as admins type it: checked to be one the HTTP client can call, compared without trailing slashes. */
final class PanelAddress {

    private PanelAddress() {
    }

    /**
     * The address without surrounding blanks or trailing slashes; a field error when it isn't an absolute http(s)
     * URI (spaces or characters such as {@code |} after the host pass a pattern but not the HTTP client).
     */
    static String require(String url, String field) {
        String s = url == null ? "" : url.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // The HTTP client refuses ports past 65535 with an unchecked exception; a query, fragment or user part
            // would end up in front of the API's paths.
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getPort() > 65535
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw InvalidInputException.field(field, "invalid_url", "must be an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw InvalidInputException.field(field, "invalid_url", "must be an http(s) URL");
        }
        return s;
    }

    /** Whether two addresses name the same panel (scheme and host case-insensitive, trailing slashes ignored). */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            URI x = new URI(a.strip().replaceAll("/+$", ""));
            URI y = new URI(b.strip().replaceAll("/+$", ""));
            return x.getScheme().equalsIgnoreCase(y.getScheme()) && x.getHost().equalsIgnoreCase(y.getHost())
                    && port(x) == port(y) && java.util.Objects.equals(x.getRawPath(), y.getRawPath());
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** The port, the scheme's own when none is written (https://x and https://x:443 are one address). */
    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
