package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TelegramLoginRequest(
        @Schema(description = "The raw Telegram.WebApp.initData string, exactly as the Mini App received it.",
                example = "query_id=AAH...&user=%7B%22id%22%3A42%7D&auth_date=1764000000&hash=9f8e...")
        @NotBlank @Size(max = 4096) String initData) {
}
