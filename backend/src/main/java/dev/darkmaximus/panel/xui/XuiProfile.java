package dev.darkmaximus.panel.xui;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to talk to one 3x-ui version, from the version it reports (read from the panel's source at each tag):
 * <ul>
 * <li>{@code clientRoutes}: v3.1.0 added {@code /panel/api/clients/*} and removed the v2 client routes
 * ({@code web/controller/inbound.go} at v3.1.0); v2.x and v3.0.x only have the inbound routes.</li>
 * <li>{@code deleteByEmail}: {@code /panel/api/inbounds/{id}/delClientByEmail/{email}} exists from v2.8.0; before it
 * only {@code /{id}/delClient/{clientId}} (clientId by protocol), which every v2 version has.</li>
 * </ul>
 * An unknown version gets the routes every v2 and v3.0 panel has.
 */
record XuiProfile(String version, boolean clientRoutes, boolean deleteByEmail) {

    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    static XuiProfile of(String version) {
        if (version != null && version.strip().startsWith("dev")) {
            return new XuiProfile(version.strip(), true, true); // v3.5+ development builds report "dev+<commit>"
        }
        Matcher m = version == null ? null : SEMVER.matcher(version.strip());
        if (m == null || !m.matches()) {
            return new XuiProfile(version, false, false);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        boolean clientRoutes = major > 3 || (major == 3 && minor >= 1);
        boolean byEmail = major >= 3 || (major == 2 && minor >= 8);
        return new XuiProfile(version.strip(), clientRoutes, byEmail);
    }

    String api() {
        return clientRoutes ? "3x-ui clients API (v3.1+)" : "3x-ui inbound API (v2.x, v3.0)";
    }
}
