package dev.darkmaximus.admin.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import dev.darkmaximus.client.ApiClient;
import dev.darkmaximus.client.ApiException;

/**
 * A file sent to the backend as an {@code application/octet-stream} body. The generated client can't: for a binary
 * body it writes the {@code File} object as JSON (its path) instead of the file's bytes. This goes through the same
 * client (address, bearer token, operator IP) and fails the same way, as an {@link ApiException}.
 */
public final class FileUploads {

    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

    private FileUploads() {
    }

    public static <T> T post(ApiClient client, String pathAndQuery, Path file, Class<T> answer) throws ApiException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + pathAndQuery))
                    .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file));
            // The backend answers when it has worked through the file: minutes for a big shop, not the few seconds
            // every other call is allowed.
            request.timeout(UPLOAD_TIMEOUT);
            if (client.getRequestInterceptor() != null) {
                client.getRequestInterceptor().accept(request);
            }
            HttpResponse<String> response = client.getHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ApiException(response.statusCode(), "upload to " + pathAndQuery + " failed",
                        response.headers(), response.body());
            }
            return client.getObjectMapper().readValue(response.body(), answer);
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
    }
}
