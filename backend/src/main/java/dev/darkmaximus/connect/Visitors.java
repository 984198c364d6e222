package dev.darkmaximus.connect;

import java.util.Locale;
import java.util.regex.Pattern;

/** Who fetches a subscription page, read from its User-Agent: a VPN app, or a person's browser and platform. */
final class Visitors {

    /**
     * Words the User-Agents of VPN apps that read subscriptions carry (their own sources, or the panels' lists for
     * closed apps: docs/connect.md). Hiddify and NekoBox also say "ClashMeta"; any of these means an app.
     */
    private static final Pattern VPN_APP = Pattern.compile(
            "(?i)\\bhapp/|v2raytun|v2rayn|hiddify|streisand|v2box|shadowrocket|clash|mihomo|\\bstash/|sing-box"
                    + "|\\bSF[AIMT]/|nekobox|nekoray|karing|foxray|ktor-client|dart:io");

    private Visitors() {
    }

    /**
     * Whether a VPN app (not a person) is asking: a known app's User-Agent; otherwise whoever doesn't ask for HTML
     * and isn't a browser (curl, an HTTP library's default). People always come with a browser that accepts HTML.
     */
    static boolean isVpnApp(String userAgent, String accept) {
        String ua = userAgent == null ? "" : userAgent;
        if (VPN_APP.matcher(ua).find()) {
            return true;
        }
        boolean wantsHtml = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
        return !wantsHtml && !ua.startsWith("Mozilla/");
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
