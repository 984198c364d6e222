package dev.darkmaximus.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After authentication, puts who is calling into the MDC ("customer:17", "staff:3", "apikey:5"), so every log line of
 * a request can be traced to a customer, operator or integrator without logging personal data.
 */
@Configuration(proxyBeanMethods = false)
class PrincipalMdcFilter extends OncePerRequestFilter {

    static final String MDC_KEY = "principal";

    @Bean
    FilterRegistrationBean<PrincipalMdcFilter> principalMdcFilterRegistration() {
        FilterRegistrationBean<PrincipalMdcFilter> registration = new FilterRegistrationBean<>(new PrincipalMdcFilter());
        // Spring Security's chain runs at -100; this must see its result.
        registration.setOrder(-99);
        return registration;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            MDC.put(MDC_KEY, jwt.getSubject());
        } else if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            MDC.put(MDC_KEY, auth.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
