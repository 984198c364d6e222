package dev.darkmaximus.platform.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.convert.DurationStyle;

/** The checks behind {@link SettingDefinition#normalize}: one per type, each naming the rule a bad value breaks. */
final class SettingValues {

    private static final int MAX_TEXT = 500;
    private static final int MAX_URL = 2000;

    private SettingValues() {
    }

    static String normalize(SettingDefinition definition, String value) {
        return switch (definition.type()) {
            case BOOLEAN -> bool(value);
            case INTEGER, MONEY -> Long.toString(whole(definition, value));
            case DURATION -> {
                duration(definition, value);
                yield value;
            }
            case DURATION_LIST -> durations(definition, value);
            case STRING, TEXT, SECRET -> text(definition, value);
            case URL -> url(value);
            case CHAT_ID -> Long.toString(chatId(value));
            case TIME_ZONE -> zone(value);
            case LANGUAGE -> language(value);
            case HOST_ID -> Long.toString(hostId(value));
            case APP_LINKS -> AppLinkTable.normalize(value);
        };
    }

    private static String bool(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new InvalidSettingException("format", "must be true or false");
        }
        return lower;
    }

    private static long whole(SettingDefinition definition, String value) {
        long number = parseLong(value, "must be a whole number");
        long lowest = definition.min() == null ? Integer.MIN_VALUE : Long.parseLong(definition.min());
        long highest = definition.max() == null ? Integer.MAX_VALUE : Long.parseLong(definition.max());
        if (number < lowest || number > highest) {
            throw outOfRange(definition);
        }
        return number;
    }

    private static Duration duration(SettingDefinition definition, String value) {
        Duration parsed;
        try {
            parsed = DurationStyle.detectAndParse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("format", "must be a duration such as 30m, 24h or 5d");
        }
        if (parsed.compareTo(DurationStyle.detectAndParse(definition.min())) < 0
                || parsed.compareTo(DurationStyle.detectAndParse(definition.max())) > 0) {
            throw outOfRange(definition);
        }
        return parsed;
    }

    private static String durations(SettingDefinition definition, String value) {
        List<String> items = new ArrayList<>();
        Set<Duration> seen = new HashSet<>();
        for (String item : value.split(",", -1)) {
            String stripped = item.strip();
            if (stripped.isEmpty()) {
                throw new InvalidSettingException("format", "must be durations separated by commas, such as 72h,24h,1h");
            }
            if (!seen.add(duration(definition, stripped))) {
                throw new InvalidSettingException("format", "must not list the same duration twice");
            }
            items.add(stripped);
        }
        return String.join(",", items);
    }

    private static String text(SettingDefinition definition, String value) {
        if (value.length() > MAX_TEXT) {
            throw new InvalidSettingException("too_long", "must be at most " + MAX_TEXT + " characters");
        }
        if (definition.format() != null && !definition.format().matcher(value).matches()) {
            throw new InvalidSettingException("format", definition.formatRule());
        }
        return value;
    }

    private static String url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (value.length() <= MAX_URL && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank()) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below like any other malformed address
        }
        throw new InvalidSettingException("format", "must be an http(s) URL");
    }

    private static long chatId(String value) {
        long id = parseLong(value, "must be a Telegram chat id (a whole number, negative for groups and channels)");
        if (id == 0) {
            throw new InvalidSettingException("format",
                    "must be a Telegram chat id (a whole number, negative for groups and channels)");
        }
        return id;
    }

    private static String zone(String value) {
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw new InvalidSettingException("format", "must be a time zone such as Europe/Moscow");
        }
    }

    private static String language(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.equals("ru") && !lower.equals("en")) {
            throw new InvalidSettingException("format", "must be ru or en");
        }
        return lower;
    }

    private static long hostId(String value) {
        long id = parseLong(value, "must be a host id (a positive whole number)");
        if (id <= 0) {
            throw new InvalidSettingException("format", "must be a host id (a positive whole number)");
        }
        return id;
    }

    private static long parseLong(String value, String rule) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("format", rule);
        }
    }

    private static InvalidSettingException outOfRange(SettingDefinition definition) {
        return new InvalidSettingException("out_of_range",
                "must be between " + definition.min() + " and " + definition.max());
    }
}
