package dev.darkmaximus.auth;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;

/**
 * A ban, or a staff account switched off, takes effect on the very next request, not when the access token runs
 * out: every request signed with a customer's or staff member's token is checked against the account as it is now
 * ({@link AccountAccess}: remembered until the database says an account changed).
 */
class AccountStillAllowedFilter extends OncePerRequestFilter {

    private final AccountAccess access;
    private final ProblemWriter problems;

    AccountStillAllowedFilter(AccountAccess access, ProblemWriter problems) {
        this.access = access;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String subject = jwt.getToken().getSubject();
            if (subject != null && subject.startsWith("customer:") && !access.customerMayAct(id(subject))) {
                SecurityContextHolder.clearContext();
                problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "customer_banned",
                        "Access is restricted; please contact support."));
                return;
            }
            if (subject != null && subject.startsWith("staff:") && !access.staffMayAct(id(subject))) {
                SecurityContextHolder.clearContext();
                problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "account_disabled",
                        "This staff account is switched off."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static long id(String subject) {
        try {
            return Long.parseLong(subject.substring(subject.indexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
