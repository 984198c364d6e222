package dev.darkmaximus.messaging;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A customer-facing text: its shipped defaults, the admins' wording where they changed it (null = the default is
 * used), and the placeholders it may use.
 */
@Schema(name = "MessageTemplate")
public record TemplateView(@Schema(example = "bot.welcome") String key, String defaultRu, String defaultEn,
                           String customRu, String customEn, List<String> placeholders) {
}
