package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.IntegrationTest;

class ProblemIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void unknownPathsWrongMethodsAndBadBodiesAreProblemsWithARequestId() {
        Api api = new Api(port);
        String admin = api.adminToken();

        JsonNode missing = api.get("/api/v1/admin/nothing-here", admin).problem(404, "not_found");
        api.delete("/api/v1/admin/plans", admin).problem(405, "method_not_allowed");
        api.postRaw("/api/v1/auth/admin/login", "{\"username\":", null).problem(400, "malformed_request");

        assertThat(missing.get("requestId").asString()).isNotBlank();
        assertThat(missing.toString()).doesNotContain("Exception", "at org.", "SQL");
    }

    @Test
    void theCallersRequestIdIsEchoed() {
        Api.Response response = new Api(port).get("/api/v1/catalog/hosts", null);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    /** The API speaks JSON only: no YAML answers, and a YAML body is refused rather than read around StrictJson. */
    @Test
    void yamlIsNeitherAnsweredNorRead() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/catalog/plans"))
                .header("Accept", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(406);
        assertThat(asked.body()).contains("not_acceptable");

        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/admin/login"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("username: admin\npassword: \"12345\"\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(415);
        assertThat(sent.body()).contains("unsupported_media_type");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
