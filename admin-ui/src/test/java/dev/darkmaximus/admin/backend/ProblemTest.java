package dev.darkmaximus.admin.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.client.ApiException;

class ProblemTest {

    private static ApiException answer(int status, String body) {
        return new ApiException(status, "HTTP " + status, HttpHeaders.of(Map.of(), (a, b) -> true), body);
    }

    @Test
    void readsCodeDetailAndFieldErrors() {
        Problem problem = Problem.from(answer(400, """
                {"type":"https://darkmaximus.dev/problems/validation_failed","status":400,"code":"validation_failed",
                 "detail":"The request has invalid fields; see errors.",
                 "errors":[{"field":"prices[0].amount","code":"too_small","message":"must be greater than or equal to 0"},
                           {"field":"nameRu","code":"required","message":"must not be blank"}]}"""));

        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.fieldErrors()).containsEntry("prices[0].amount", "must be greater than or equal to 0")
                .containsEntry("nameRu", "must not be blank");
    }

    @Test
    void unreadableBodiesAndNoAnswerBecomeGenericProblems() {
        assertThat(Problem.from(answer(502, "<html>Bad gateway</html>")).detail()).contains("HTTP 502");
        assertThat(Problem.from(new ApiException(new ConnectException("refused"))).code())
                .isEqualTo("backend_unreachable");
    }
}
