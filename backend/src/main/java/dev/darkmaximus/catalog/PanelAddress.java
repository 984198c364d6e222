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
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
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
                    && x.getPort() == y.getPort() && java.util.Objects.equals(x.getRawPath(), y.getRawPath());
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
