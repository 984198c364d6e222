package dev.darkmaximus.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * The built Mini App as a browser or CDN gets it: one page naming one content-hashed script and style sheet, cached
 * for a year, the page itself always revalidated, and the whole within its size budget (SPEC §9, 150 KB gzipped).
 */
class MiniAppAssetsIT extends IntegrationTest {

    private static final long BUDGET_GZIPPED = 150 * 1024;
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(app\\.[0-9a-f]{12}\\.(?:js|css))\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageNamesHashedAssetsCachedForAYearAndTheBundleStaysWithinItsBudget() throws Exception {
        HttpResponse<String> page = get("/app/", HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
        assertThat(page.body()).contains("<meta name=\"dm-api-base\" content=\"\">");

        Matcher assets = ASSET.matcher(page.body());
        long gzipped = 0;
        int count = 0;
        while (assets.find()) {
            count++;
            HttpResponse<byte[]> asset = get("/app/" + assets.group(1), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                    .contains("max-age=31536000").contains("immutable"));
            gzipped += gzippedSize(asset.body());
        }
        assertThat(count).as("one script and one style sheet").isEqualTo(2);
        assertThat(gzipped).as("JS + CSS gzipped, bytes").isLessThanOrEqualTo(BUDGET_GZIPPED);
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), body);
    }

    private static long gzippedSize(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.size();
    }
}
