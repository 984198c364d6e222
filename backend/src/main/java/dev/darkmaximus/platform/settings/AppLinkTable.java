package dev.darkmaximus.platform.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The format of the VPN apps setting: a JSON array of apps, each with the deep link that imports a subscription
 * into it and where to download it per platform. Admins edit the table in settings; this class checks it, so a
 * typo is a field error on save rather than a dead button in front of customers.
 *
 * <pre>[{"id":"happ","name":"Happ","platforms":["android","ios"],"link":"happ://add/{url}",
 *   "download":{"android":"https://play.google.com/…","ios":"https://apps.apple.com/…"}}]</pre>
 *
 * A link's placeholders: {@code {url}} the subscription URL as is, {@code {url_encoded}} percent-encoded,
 * {@code {url_base64}} in base64, {@code {name}} / {@code {name_encoded}} the profile's name.
 */
public final class AppLinkTable {

    public static final List<String> PLATFORMS = List.of("android", "ios", "windows", "macos", "linux");
    static final Set<String> PLACEHOLDERS = Set.of("url", "url_encoded", "url_base64", "name", "name_encoded");
    private static final Set<String> URL_PLACEHOLDERS = Set.of("url", "url_encoded", "url_base64");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}:\\S+");
    private static final Set<String> BROWSER_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob",
            "about", "http", "https");
    private static final int MAX_APPS = 30;
    private static final int MAX_LENGTH = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One app: {@code download} maps a platform to its store or download page. */
    public record App(String id, String name, List<String> platforms, String link, Map<String, String> download) {
    }

    private AppLinkTable() {
    }

    /** The table, checked; an invalid one throws with the rule it breaks. */
    public static List<App> parse(String json) {
        if (json.length() > MAX_LENGTH) {
            throw new InvalidSettingException("too_long", "must be at most " + MAX_LENGTH + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw invalid("must be a JSON array of apps (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray() || root.isEmpty() || root.size() > MAX_APPS) {
            throw invalid("must be a JSON array of 1 to " + MAX_APPS + " apps");
        }
        List<App> apps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode node : root) {
            App app = app(node);
            if (!ids.add(app.id())) {
                throw invalid("lists the app id \"" + app.id() + "\" twice");
            }
            apps.add(app);
        }
        return List.copyOf(apps);
    }

    /** The table as stored: compact JSON of what {@link #parse} accepted. */
    static String normalize(String json) {
        return JSON.writeValueAsString(parse(json));
    }

    private static App app(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("must list apps as objects");
        }
        String id = text(node, "id");
        if (!ID.matcher(id).matches()) {
            throw invalid("has an app id that isn't 1–32 lower-case letters, digits or -: \"" + id + "\"");
        }
        String name = text(node, "name").strip();
        if (name.isEmpty() || name.length() > 40) {
            throw invalid("needs a name of 1–40 characters for app " + id);
        }
        List<String> platforms = new ArrayList<>();
        for (JsonNode platform : node.path("platforms")) {
            String p = platform.asString("");
            if (!PLATFORMS.contains(p) || platforms.contains(p)) {
                throw invalid("has an unknown or repeated platform \"" + p + "\" for app " + id
                        + " (known: " + String.join(", ", PLATFORMS) + ")");
            }
            platforms.add(p);
        }
        if (platforms.isEmpty()) {
            throw invalid("needs at least one platform for app " + id);
        }
        String link = text(node, "link").strip();
        checkLink(id, link);
        Map<String, String> download = new LinkedHashMap<>();
        JsonNode downloads = node.path("download");
        if (!downloads.isMissingNode() && !downloads.isObject()) {
            throw invalid("needs \"download\" as an object of platform → address for app " + id);
        }
        for (Map.Entry<String, JsonNode> entry : downloads.properties()) {
            if (!platforms.contains(entry.getKey())) {
                throw invalid("has a download for \"" + entry.getKey() + "\", not one of app " + id + "'s platforms");
            }
            String url = entry.getValue().asString("");
            if (!url.matches("https?://[^\\s\"<>]{3,500}")) {
                throw invalid("needs an http(s) download address for " + entry.getKey() + " of app " + id);
            }
            download.put(entry.getKey(), url);
        }
        // Kept in the admin's order (Map.copyOf's order changes between runs, and so would the stored text).
        return new App(id, name, List.copyOf(platforms), link, Collections.unmodifiableMap(download));
    }

    private static void checkLink(String id, String link) {
        if (link.length() > 500 || !SCHEME.matcher(link).matches()) {
            throw invalid("needs a link like happ://add/{url} for app " + id);
        }
        String scheme = link.substring(0, link.indexOf(':')).toLowerCase(Locale.ROOT);
        if (BROWSER_SCHEMES.contains(scheme)) {
            // The Mini App opens a link it can't send through a web page directly: these would run in its page.
            throw invalid("can't use the " + scheme + ": scheme in app " + id + "'s link");
        }
        boolean hasUrl = false;
        Matcher m = PLACEHOLDER.matcher(link);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw invalid("uses the unknown placeholder {" + m.group(1) + "} in app " + id + "'s link (known: "
                        + "{url}, {url_encoded}, {url_base64}, {name}, {name_encoded})");
            }
            hasUrl |= URL_PLACEHOLDERS.contains(m.group(1));
        }
        if (!hasUrl) {
            throw invalid("needs {url}, {url_encoded} or {url_base64} in app " + id + "'s link");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            throw invalid("needs \"" + field + "\" as text in every app");
        }
        return value.asString();
    }

    private static InvalidSettingException invalid(String rule) {
        return new InvalidSettingException("format", rule);
    }
}
