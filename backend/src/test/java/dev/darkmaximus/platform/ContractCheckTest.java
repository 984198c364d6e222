package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.testsupport.Contract;

/** The check every test's answers go through (testsupport {@code Api}) finds what it must, and passes what is right. */
class ContractCheckTest {

    private final Contract contract = Contract.committed();

    @Test
    void aFieldOfTheWrongTypeIsAViolation() {
        assertThat(contract.violations("GET", "/api/v1/me", 200, "application/json",
                "{\"id\": \"forty-two\", \"telegramId\": 1}")).anySatisfy(v -> assertThat(v).startsWith("/id"));
    }

    @Test
    void aFieldLeftOutIsAViolation() {
        assertThat(contract.violations("GET", "/api/v1/me", 200, "application/json", "{\"id\": 42}"))
                .anySatisfy(v -> assertThat(v).contains("telegramId"));
    }

    @Test
    void anUndocumentedOperationOrStatusIsAViolation() {
        assertThat(contract.violations("GET", "/api/v1/nothing-here", 200, "application/json", "{}"))
                .singleElement().asString().contains("no operation");
        assertThat(contract.violations("GET", "/api/v1/me", 418, "application/json", "{}"))
                .singleElement().asString().contains("418");
    }

    @Test
    void aProblemIsCheckedAgainstTheSharedProblemSchema() {
        assertThat(contract.violations("GET", "/api/v1/me", 401, "application/problem+json",
                "{\"status\": \"401\", \"code\": \"unauthorized\"}")).isNotEmpty();
    }

    @Test
    void aWrongAnswerFailsTheTestThatMetIt() {
        String report = System.clearProperty("dm.contract.report");
        try {
            assertThatThrownBy(() -> Contract.check("GET", "/api/v1/me?x=1", 200, "application/json; charset=utf-8",
                    "{\"id\": []}")).isInstanceOf(AssertionError.class).hasMessageContaining("openapi.yaml");
        } finally {
            if (report != null) {
                System.setProperty("dm.contract.report", report);
            }
        }
    }

    @Test
    void pathsOutsideTheApiAreNotTheContractsBusiness() {
        assertThat(contract.violations("GET", "/app/index.html", 200, "text/html", "<html>")).isEmpty();
    }
}
