package dev.darkmaximus.billing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.darkmaximus.billing.PromoCommand;
import dev.darkmaximus.billing.PromoService;
import dev.darkmaximus.testsupport.Contract;

/**
 * A web slice: one controller with its JSON binding, bean validation and problem+json errors, the service mocked.
 * Security and the servlet filters are the integration tests' business; here only what the controller itself does
 * with a request.
 */
@WebMvcTest(controllers = PromoAdminController.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.darkmaximus\\.platform\\.(web\\.StrictJson|error\\.ProblemAdvice)"),
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class))
@AutoConfigureMockMvc(addFilters = false)
@Import(PromoAdminControllerTest.Principals.class)
class PromoAdminControllerTest {

    /** Without the security filter chain, {@code @AuthenticationPrincipal} needs its resolver registered here. */
    @TestConfiguration
    static class Principals implements WebMvcConfigurer {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new AuthenticationPrincipalArgumentResolver());
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PromoService promos;

    @Test
    void aBodyMissingFieldsIsAProblemNamingEachField() throws Exception {
        mvc.perform(post("/api/v1/admin/promo-codes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"PERCENT\",\"value\":-5}"))
                .andDo(Contract.checked())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation_failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'value')]").exists());
        verify(promos, never()).create(any(), any());
    }

    @Test
    void aNumberSentAsAStringIsRefusedNotCoerced() throws Exception {
        mvc.perform(post("/api/v1/admin/promo-codes").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"SPRING\",\"kind\":\"PERCENT\",\"value\":\"25\"}"))
                .andDo(Contract.checked())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(promos, never()).create(any(), any());
    }

    @Test
    void aValidBodyReachesTheServiceWithTheDefaultsFilledInAndTheStaffIdFromTheToken() throws Exception {
        when(promos.create(any(), any())).thenReturn(null);

        Jwt staff = Jwt.withTokenValue("t").header("alg", "none").subject("staff:7").build();
        TestSecurityContextHolder.setAuthentication(new JwtAuthenticationToken(staff));

        mvc.perform(post("/api/v1/admin/promo-codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"SPRING\",\"kind\":\"PERCENT\",\"value\":25}"))
                .andDo(Contract.checked())
                .andExpect(status().isCreated());

        ArgumentCaptor<PromoCommand> command = ArgumentCaptor.forClass(PromoCommand.class);
        verify(promos).create(command.capture(), eq(7L));
        assertThat(command.getValue().perCustomerLimit()).isEqualTo(1);
        assertThat(command.getValue().active()).isTrue();
        assertThat(command.getValue().planIds()).isEmpty();
    }
}
