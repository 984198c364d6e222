package dev.darkmaximus.platform.telegram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import dev.darkmaximus.platform.telegram.TelegramProperties;

/**
 * Our transport for the Bot API on {@code java.net.http} (telegrambots' own clients pull OkHttp and Kotlin). The
 * method objects are telegrambots-meta's, serialised with a Jackson 2 mapper because those types are annotated for
 * Jackson 2 while the rest of the application runs Jackson 3. A short {@code retry_after} is waited out here; a long
 * one is handed to the caller as {@link TelegramBotApi.RetryLater} so a queue can reschedule instead of blocking.
 */
@Component
public class BotApiClient {

    /** Waits up to this long inline on a 429 before giving the decision back to the caller. */
    private static final Duration INLINE_RETRY_LIMIT = Duration.ofSeconds(3);

    private final TelegramProperties properties;
    private final MeterRegistry meters;
    private volatile Sleeper sleeper = duration -> Thread.sleep(duration);

    public BotApiClient(TelegramProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    public boolean configured() {
        return properties.botConfigured();
    }

    /** Jackson 2, configured for telegrambots' types: the one way updates are parsed. */
    public Update parseUpdate(String json) {
        try {
            return Wire.MAPPER.readValue(json, Update.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a Telegram update: " + e.getMessage(), e);
        }
    }

    public <T extends Serializable> T execute(PartialBotApiMethod<T> method) {
        return execute(method, Duration.ofSeconds(15));
    }

    /** As {@link #execute(PartialBotApiMethod)} with a read timeout for long polls. */
    public <T extends Serializable> T execute(PartialBotApiMethod<T> method, Duration timeout) {
        if (!configured()) {
            throw new TelegramBotApi.Refused("the Telegram bot token is not configured");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(method, timeout);
            } catch (TelegramBotApi.RetryLater retry) {
                if (attempt >= 2 || retry.after().compareTo(INLINE_RETRY_LIMIT) > 0) {
                    throw retry;
                }
                pause(retry.after());
            }
        }
    }

    private <T extends Serializable> T once(PartialBotApiMethod<T> method, Duration timeout) {
        HttpRequest request = request(method, timeout);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            HttpResponse<String> response = Wire.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = tree(response.body());
            if (answer.path("ok").asBoolean(false)) {
                outcome = "ok";
                return method.deserializeResponse(response.body());
            }
            int code = answer.path("error_code").asInt(response.statusCode());
            String description = answer.path("description").asText("HTTP " + response.statusCode());
            outcome = Integer.toString(code);
            if (code == 429) {
                meters.counter("dm.telegram.flood_waits").increment();
                throw new TelegramBotApi.RetryLater(description,
                        Duration.ofSeconds(Math.max(1, answer.path("parameters").path("retry_after").asLong(1))));
            }
            if (code == 403) {
                throw new TelegramBotApi.Blocked(description);
            }
            if (code >= 500) {
                throw new TelegramBotApi.RetryLater(description, Duration.ofSeconds(5));
            }
            throw new TelegramBotApi.Refused(description);
        } catch (IOException e) {
            outcome = "io";
            throw new TelegramBotApi.RetryLater("Telegram unreachable: " + e.getClass().getSimpleName(),
                    Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramBotApi.RetryLater("interrupted", Duration.ofSeconds(5));
        } catch (TelegramApiRequestException e) {
            throw new TelegramBotApi.Refused("unreadable answer to " + method.getMethod() + ": " + e.getMessage());
        } finally {
            sample.stop(meters.timer("dm.telegram.requests", "method", method.getMethod(), "outcome", outcome));
        }
    }

    private HttpRequest request(PartialBotApiMethod<?> method, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(properties.apiBaseUrl() + "/bot"
                        + properties.botToken() + "/" + method.getMethod()))
                .timeout(timeout);
        if (method instanceof SendPhoto photo) {
            String boundary = "dm-" + UUID.randomUUID();
            return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(photo, boundary)))
                    .build();
        }
        if (method instanceof SendDocument document) {
            String boundary = "dm-" + UUID.randomUUID();
            return builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(document, boundary)))
                    .build();
        }
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(method)))
                .build();
    }

    /**
     * A photo upload. Upload methods aren't annotated for JSON in telegrambots, so the fields we use are named here
     * as the Bot API names them (objects such as the keyboard as JSON), and the image is the file part.
     */
    private byte[] multipart(SendPhoto photo, String boundary) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chat_id", photo.getChatId());
        if (photo.getMessageThreadId() != null) {
            fields.put("message_thread_id", photo.getMessageThreadId());
        }
        if (photo.getCaption() != null) {
            fields.put("caption", photo.getCaption());
        }
        if (photo.getParseMode() != null) {
            fields.put("parse_mode", photo.getParseMode());
        }
        if (photo.getReplyMarkup() != null) {
            fields.put("reply_markup", json(photo.getReplyMarkup()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (photo.getPhoto().isNew()) {
                String fileName = photo.getPhoto().getMediaName() == null ? "photo.png" : photo.getPhoto().getMediaName();
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                        + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                InputStream picture = photo.getPhoto().getNewMediaStream();
                if (picture.markSupported()) {
                    // A retry after a short flood wait builds the body again: read the picture from its start.
                    picture.reset();
                }
                out.write(picture.readAllBytes());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            } else {
                // A photo Telegram already has (a file id), e.g. one a customer sent to support.
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"\r\n\r\n"
                        + photo.getPhoto().getAttachName() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the photo to upload", e);
        }
        return out.toByteArray();
    }

    /** A file upload (a backup to the admin chat): the chat, an optional caption, and the file part. */
    private byte[] multipart(SendDocument document, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n"
                    + document.getChatId() + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (document.getCaption() != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n"
                        + document.getCaption() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\""
                    + document.getDocument().getMediaName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            InputFile upload = document.getDocument();
            try (InputStream file = upload.getNewMediaFile() != null
                    ? Files.newInputStream(upload.getNewMediaFile().toPath()) : upload.getNewMediaStream()) {
                file.transferTo(out);
            }
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not read the document to upload", e);
        }
        return out.toByteArray();
    }

    /** A Bot API object as JSON (for snapshots kept with payments). */
    public String json(Object value) {
        try {
            return Wire.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise a Bot API call", e);
        }
    }

    private JsonNode tree(String body) {
        try {
            return Wire.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException notJson) {
            return Wire.MAPPER.createObjectNode();
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramBotApi.RetryLater("interrupted", duration);
        }
    }

    /** Tests replace the wall clock wait. */
    void sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    /** The sent message, for callers that only need the message id. */
    public static long messageId(Message message) {
        return message == null || message.getMessageId() == null ? 0 : message.getMessageId();
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Made on the first update or call, not at start: Jackson 2 (about 500 classes) and an HTTP client with its TLS
     * context cost a third of a second and several megabytes that a shop whose bot is quiet never needs (make bench).
     */
    private static final class Wire {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
