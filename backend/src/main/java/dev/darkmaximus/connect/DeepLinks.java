package dev.darkmaximus.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills an app's import link from the apps table with a subscription URL and a profile name. */
public final class DeepLinks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");

    private DeepLinks() {
    }

    /**
     * @param template an app's link, e.g. {@code v2raytun://import/{url}}; its placeholders were checked on save
     * @param url      the subscription URL
     * @param name     what the app should call the profile
     */
    public static String build(String template, String url, String name) {
        Map<String, String> values = Map.of(
                "url", url,
                "url_encoded", encode(url),
                "url_base64", Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8)),
                "name", name,
                "name_encoded", encode(name));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Percent-encoding as RFC 3986 wants it: a space is %20, not + (apps decode with URI rules, not forms'). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
