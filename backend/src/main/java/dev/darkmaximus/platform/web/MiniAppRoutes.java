package dev.darkmaximus.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Mini App's static files come from the miniapp jar (META-INF/resources/app/); these routes make /app/ open its
 * index page, and the bare host lead there too. The script and style sheet carry a content hash in their names, so
 * they are cached for a year; the page naming them is revalidated every time, so a new release shows at once.
 */
@Configuration(proxyBeanMethods = false)
class MiniAppRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/app/");
        registry.addRedirectViewController("/app", "/app/");
        registry.addViewController("/app/").setViewName("forward:/app/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/app.*.js", "/app/app.*.css")
                .addResourceLocations("classpath:/META-INF/resources/app/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/app/{page:index\\.html}")
                .addResourceLocations("classpath:/META-INF/resources/app/")
                .setCacheControl(CacheControl.noCache());
    }
}
