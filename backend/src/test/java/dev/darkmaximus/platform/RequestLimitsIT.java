package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.IntegrationTest;

/** Request bodies are capped before anything reads them, and a webhook's sender is checked before its body. */
class RequestLimitsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String clientIp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientIp)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] json(int bytes) {
        String filler = "x".repeat(Math.max(0, bytes - 12));
        return ("{\"a\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHugeWebhookBodyIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> huge = post("/api/v1/webhooks/yookassa",
                HttpRequest.BodyPublishers.ofByteArray(json(30 * 1024 * 1024)), "203.0.113.50");

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(huge.body()).contains("body_too_large");
    }

    @Test
    void aStrangersWebhookIsRefusedByItsAddressAndATelegramWebhookByItsSecret() throws Exception {
        assertThat(post("/api/v1/webhooks/yookassa", HttpRequest.BodyPublishers.ofByteArray(json(100 * 1024)),
                "203.0.113.51").statusCode()).isEqualTo(403);
        assertThat(post("/telegram/webhook/not-the-secret", HttpRequest.BodyPublishers.ofByteArray(json(100 * 1024)),
                "203.0.113.52").statusCode()).isEqualTo(401);
    }

    @Test
    void anApiBodyOverTheCapIsRefusedWithOrWithoutADeclaredLength() throws Exception {
        HttpResponse<String> declared = post("/api/v1/auth/admin/login",
                HttpRequest.BodyPublishers.ofByteArray(json(2 * 1024 * 1024)), "203.0.113.53");
        assertThat(declared.statusCode()).isEqualTo(413);

        byte[] big = json(2 * 1024 * 1024);
        HttpResponse<String> chunked = post("/api/v1/auth/admin/login",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "203.0.113.54");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("body_too_large");
    }
}
