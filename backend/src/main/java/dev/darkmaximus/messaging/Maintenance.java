package dev.darkmaximus.messaging;

import java.util.Map;

import org.springframework.stereotype.Service;

import dev.darkmaximus.platform.settings.ShopSettings;

/**
 * Maintenance mode (SPEC §16): whether it is on, and the "back soon" text customers get, in their language and in
 * the admins' wording (template {@code shop.maintenance}).
 */
@Service
public class Maintenance {

    private final ShopSettings settings;
    private final Templates templates;

    Maintenance(ShopSettings settings, Templates templates) {
        this.settings = settings;
        this.templates = templates;
    }

    public boolean on() {
        return settings.maintenance();
    }

    public String text(String language) {
        return templates.render(Templates.MAINTENANCE, language, Map.of());
    }
}
