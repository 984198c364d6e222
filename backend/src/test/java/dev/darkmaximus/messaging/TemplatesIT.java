package dev.darkmaximus.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;

/** Admins reword texts over the API; the bot and notifications use the new wording; bad texts are refused. */
class TemplatesIT extends PanelBackedTest {

    @Autowired
    Templates templates;

    @Test
    void anEditedTextIsUsedUntilResetAndEveryChangeIsAudited() {
        JsonNode before = api.get("/api/v1/admin/templates/key.ready", shop.admin()).expect(200).json();
        assertThat(before.path("customEn").isNull()).isTrue();
        assertThat(before.path("placeholders")).extracting(JsonNode::asString)
                .containsExactly("expires_at", "key_number", "link");

        JsonNode after = api.put("/api/v1/admin/templates/key.ready/en",
                Map.of("text", "🔑 Key <b>#{key_number}</b> works until {expires_at}. Enjoy!"), shop.admin())
                .expect(200).json();
        assertThat(after.path("customEn").asString()).startsWith("🔑 Key <b>#{key_number}</b>");
        assertThat(templates.render("key.ready", "en", Map.of("key_number", "7", "expires_at", "1 Dec")))
                .isEqualTo("🔑 Key <b>#7</b> works until 1 Dec. Enjoy!");
        assertThat(templates.render("key.ready", "ru", Map.of("key_number", "7", "expires_at", "1 дек")))
                .as("the other language keeps its default").startsWith("🔑 Ключ #7 готов");

        assertThat(api.post("/api/v1/admin/templates/key.ready/en/preview", Map.of("text", "#{key_number} · {expires_at}"),
                shop.admin()).expect(200).json().path("html").asString()).isEqualTo("#3 · 01.12.2026 12:00");

        api.delete("/api/v1/admin/templates/key.ready/en", shop.admin()).expect(200);
        assertThat(templates.render("key.ready", "en", Map.of("key_number", "7", "expires_at", "1 Dec")))
                .startsWith("🔑 Key #7 is ready");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE object_type = 'template' "
                + "AND object_id = 'key.ready/en'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void botTextsAreListedAndBrokenTextsAreRefusedWithTheReason() {
        JsonNode list = api.get("/api/v1/admin/templates?q=bot.welcome", shop.admin()).expect(200).json();
        assertThat(list).extracting(t -> t.path("key").asString()).contains("bot.welcome");

        assertThat(field(api.put("/api/v1/admin/templates/bot.welcome/ru", Map.of("text", "Привет, {name}!"),
                shop.admin()).problem(400, "validation_failed"))).isEqualTo("unknown_placeholder");
        assertThat(field(api.put("/api/v1/admin/templates/bot.welcome/ru", Map.of("text", "<b>Привет"),
                shop.admin()).problem(400, "validation_failed"))).isEqualTo("unbalanced_html");
        assertThat(field(api.put("/api/v1/admin/templates/bot.welcome/ru", Map.of("text", "<h1>Привет</h1>"),
                shop.admin()).problem(400, "validation_failed"))).isEqualTo("unsupported_html");
        api.put("/api/v1/admin/templates/no.such.key/ru", Map.of("text", "x"), shop.admin()).problem(404, "not_found");
        api.put("/api/v1/admin/templates/bot.welcome/de", Map.of("text", "x"), shop.admin()).problem(404, "not_found");
    }

    private static String field(JsonNode problem) {
        return problem.path("errors").get(0).path("code").asString();
    }
}
