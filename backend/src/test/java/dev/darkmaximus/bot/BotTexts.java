package dev.darkmaximus.bot;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.darkmaximus.messaging.Templates;

/** The bot's texts as a customer reads them, and customers by their chat: what conversation tests compare with. */
final class BotTexts {

    private final Templates templates;
    private final JdbcClient jdbc;

    BotTexts(Templates templates, JdbcClient jdbc) {
        this.templates = templates;
        this.jdbc = jdbc;
    }

    long customerId(BotUser user) {
        return jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", user.id).query(Long.class)
                .single();
    }

    /** The bot's text {@code key} in {@code language}, with placeholder name/value pairs filled in. */
    String text(String language, String key, Object... params) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            values.put((String) params[i], String.valueOf(params[i + 1]));
        }
        return templates.render("bot." + key, language, values);
    }
}
