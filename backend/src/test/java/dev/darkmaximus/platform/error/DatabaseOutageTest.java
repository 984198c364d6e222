package dev.darkmaximus.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * While the database is down a request answers at once with 503 and Retry-After (the pool gives up after 3 s,
 * `spring.datasource.hikari.connection-timeout`), never a 500.
 */
class DatabaseOutageTest {

    @RestController
    static class NeedsTheDatabase {
        @GetMapping("/api/v1/something")
        String something() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        }
    }

    @Test
    void aDatabaseThatCantBeReachedIsA503ToRetry() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new NeedsTheDatabase()).setControllerAdvice(new ProblemAdvice())
                .build();

        MvcResult result = mvc.perform(get("/api/v1/something")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(result.getResponse().getContentAsString()).contains("database_unavailable");
    }
}
