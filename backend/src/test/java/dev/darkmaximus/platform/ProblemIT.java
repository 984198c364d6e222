package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
}
