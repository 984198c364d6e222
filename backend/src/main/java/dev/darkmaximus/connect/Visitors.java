package dev.darkmaximus.connect;

import java.util.Locale;
import java.util.regex.Pattern;

/** Who fetches a subscription page, read from its User-Agent: a VPN app, or a person's browser and platform. */
final class Visitors {

    /**
     * User-Agent prefixes and words of VPN apps that read subscriptions. A client that sends none of these and no
     * browser's "Mozilla/" (curl, an app using its HTTP library's default) also gets the subscription: a person
     * always comes with a browser.
     */
    private static final Pattern VPN_APP = Pattern.compile(
            "(?i)happ|v2raytun|v2rayn|v2rayng|hiddify|streisand|v2box|shadowrocket|clash|mihomo|stash|sing-box|sfa|"
                    + "sfi|nekobox|nekoray|karing|foxray|quantumult|surge|loon|throne|incy|koala|dart/");

    private Visitors() {
    }

    static boolean isVpnApp(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        return VPN_APP.matcher(userAgent).find() || !userAgent.startsWith("Mozilla/");
    }

    /** The platform a browser runs on, for the apps shown first; "" when it can't be told. */
    static String platform(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        if (ua.contains("android")) {
            return "android";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "ios";
        }
        if (ua.contains("windows")) {
            return "windows";
        }
        if (ua.contains("macintosh") || ua.contains("mac os x")) {
            return "macos";
        }
        if (ua.contains("linux") || ua.contains("x11")) {
            return "linux";
        }
        return "";
    }

    /** ru for Russian, Ukrainian and Belarusian browsers, as in the bot; en otherwise. */
    static String language(String requested, String acceptLanguage) {
        if ("ru".equals(requested) || "en".equals(requested)) {
            return requested;
        }
        String accepted = acceptLanguage == null ? "" : acceptLanguage.strip().toLowerCase(Locale.ROOT);
        return accepted.startsWith("ru") || accepted.startsWith("uk") || accepted.startsWith("be") ? "ru" : "en";
    }
}
