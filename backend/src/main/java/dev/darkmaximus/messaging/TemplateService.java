package dev.darkmaximus.messaging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.darkmaximus.messaging.persistence.TemplateOverrides;
import dev.darkmaximus.platform.audit.AuditService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.error.InvalidInputException;

/**
 * Admins reword customer-facing texts (SPEC §11). A new text is checked before it is saved, because a broken one
 * would break every message that uses it: only the key's own placeholders, and only the HTML Telegram accepts, with
 * every tag closed. Changes are audited; resetting returns to the shipped default.
 */
@Service
public class TemplateService {

    private static final Set<String> LANGUAGES = Set.of("ru", "en");
    /** The tags Telegram's HTML parse mode understands. */
    private static final Set<String> TELEGRAM_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike",
            "del", "a", "code", "pre", "tg-spoiler", "tg-emoji", "span", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z-]+)([^>]*)>");
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("amount", "199 ₽"), Map.entry("balance", "350 ₽"), Map.entry("key_number", "3"),
            Map.entry("expires_at", "01.12.2026 12:00"), Map.entry("time_left", "1 day"),
            Map.entry("order_id", "1042"), Map.entry("shop", "Dark Maximus VPN"), Map.entry("number", "1001"),
            Map.entry("days", "30"), Map.entry("shortfall", "49 ₽"), Map.entry("reason", "details incomplete"),
            Map.entry("link", "https://vpn.example.com/s/Ab3dE5gH7jK9mN2p"));

    private final Templates templates;
    private final TemplateOverrides overrides;
    private final AuditService audit;

    TemplateService(Templates templates, TemplateOverrides overrides, AuditService audit) {
        this.templates = templates;
        this.overrides = overrides;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<String, String> custom = templates.overrides();
        return templates.keys().stream()
                .map(key -> view(key, custom))
                .filter(view -> q.isEmpty() || view.key().contains(q)
                        || view.defaultRu().toLowerCase(Locale.ROOT).contains(q)
                        || view.defaultEn().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    @Transactional(readOnly = true)
    public TemplateView get(String key) {
        requireKey(key);
        return view(key, templates.overrides());
    }

    @Transactional
    public TemplateView update(String key, String language, String text, String staffName) {
        requireKey(key);
        requireLanguage(language);
        String valid = validated(key, text);
        TemplateView before = get(key);
        overrides.put(key, language, valid, staffName);
        templates.invalidate();
        TemplateView after = get(key);
        audit.record("template.update", "template", key + "/" + language, before, after);
        return after;
    }

    @Transactional
    public TemplateView reset(String key, String language) {
        requireKey(key);
        requireLanguage(language);
        TemplateView before = get(key);
        if (overrides.delete(key, language)) {
            templates.invalidate();
            audit.record("template.reset", "template", key + "/" + language, before, get(key));
        }
        return get(key);
    }

    /** A draft text (or the current one when {@code text} is null) with sample values, as a customer would see it. */
    public String preview(String key, String language, String text) {
        requireKey(key);
        requireLanguage(language);
        String source = text == null ? currentText(key, language) : validated(key, text);
        Map<String, String> samples = new HashMap<>();
        templates.placeholders(key).forEach(name -> samples.put(name, SAMPLES.getOrDefault(name, "‹" + name + "›")));
        return Templates.fill(source, samples);
    }

    private String currentText(String key, String language) {
        String custom = templates.overrides().get(key + "|" + language);
        return custom != null ? custom : templates.defaults(key).getOrDefault(language, templates.defaults(key).get("ru"));
    }

    private String validated(String key, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > 4096) {
            throw InvalidInputException.field("text", "invalid_length", "1 to 4096 characters");
        }
        Set<String> allowed = templates.placeholders(key);
        Set<String> unknown = new TreeSet<>();
        Matcher m = Templates.PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                unknown.add("{" + m.group(1) + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidInputException.field("text", "unknown_placeholder", "unknown placeholders " + unknown
                    + (allowed.isEmpty() ? "; this text has none" : "; allowed: " + allowed.stream()
                    .map(p -> "{" + p + "}").toList()));
        }
        checkHtml(value);
        return value;
    }

    private static void checkHtml(String text) {
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!TELEGRAM_TAGS.contains(name)) {
                throw InvalidInputException.field("text", "unsupported_html", "Telegram doesn't support <" + name
                        + ">; use b, i, u, s, a, code, pre, blockquote or tg-spoiler");
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else if (open.isEmpty() || !open.pop().equals(name)) {
                throw InvalidInputException.field("text", "unbalanced_html", "</" + name + "> doesn't close the tag "
                        + "opened last");
            }
        }
        if (!open.isEmpty()) {
            throw InvalidInputException.field("text", "unbalanced_html", "<" + open.peek() + "> is never closed");
        }
    }

    private TemplateView view(String key, Map<String, String> custom) {
        Map<String, String> defaults = templates.defaults(key);
        return new TemplateView(key, defaults.get("ru"), defaults.getOrDefault("en", defaults.get("ru")),
                custom.get(key + "|ru"), custom.get(key + "|en"), List.copyOf(templates.placeholders(key)));
    }

    private void requireKey(String key) {
        if (key == null || templates.defaults(key) == null) {
            throw ApiException.notFound("template", key);
        }
    }

    private static void requireLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw ApiException.notFound("language", language);
        }
    }
}
