package dev.darkmaximus.auth;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationClassFilter;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code @PreAuthorize}, looked for on controllers only: the one place this code base puts it. Spring Security's own
 * set-up searched every method of every bean for four annotations at each start, about half a second of it on a
 * two-core server (make bench, issue 24). The rules themselves are unchanged: a {@code @PreAuthorize} on a
 * controller class or method is checked before the call, and a refusal is a 403 problem as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(prePostEnabled = false)
class ControllerMethodSecurity {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor preAuthorizeOnControllers() {
        ComposablePointcut annotated = new ComposablePointcut(new AnnotationMatchingPointcut(PreAuthorize.class, true))
                .union(new AnnotationMatchingPointcut(null, PreAuthorize.class, true));
        return new AuthorizationManagerBeforeMethodInterceptor(
                annotated.intersection(new AnnotationClassFilter(RestController.class, true)),
                new PreAuthorizeAuthorizationManager());
    }
}
