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

import dev.darkmaximus.customer.CustomerService;
import dev.darkmaximus.platform.error.ProblemWriter;
import dev.darkmaximus.platform.error.Problems;

/**
 * A ban, or a staff account switched off, takes effect on the very next request, not when the access token runs
 * out: every request signed with a customer's or staff member's token is checked against the account as it is now
 * (one primary-key read).
 */
class AccountStillAllowedFilter extends OncePerRequestFilter {

    private final CustomerService customers;
    private final StaffService staff;
    private final ProblemWriter problems;

    AccountStillAllowedFilter(CustomerService customers, StaffService staff, ProblemWriter problems) {
        this.customers = customers;
        this.staff = staff;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String subject = jwt.getToken().getSubject();
            if (subject != null && subject.startsWith("customer:") && !customers.mayAct(id(subject))) {
                SecurityContextHolder.clearContext();
                problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "customer_banned",
                        "Access is restricted; please contact support."));
                return;
            }
            if (subject != null && subject.startsWith("staff:") && !staff.mayAct(id(subject))) {
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
