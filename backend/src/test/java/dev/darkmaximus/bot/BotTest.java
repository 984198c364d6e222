package dev.darkmaximus.bot;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.testsupport.MoneyBackedTest;

/** Conversation tests: the shop with money set up, plus the bot's texts and customers by chat. */
abstract class BotTest extends MoneyBackedTest {

    @Autowired
    protected Templates templates;

    protected long customerId(BotUser user) {
        return jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", user.id).query(Long.class)
                .single();
    }

    /** The bot's text {@code key} in {@code language}, with placeholder name/value pairs filled in. */
    protected String text(String language, String key, Object... params) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            values.put((String) params[i], String.valueOf(params[i + 1]));
        }
        return templates.render("bot." + key, language, values);
    }
}
