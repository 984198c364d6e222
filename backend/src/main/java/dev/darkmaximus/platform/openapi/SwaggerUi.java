package dev.darkmaximus.platform.openapi;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * Swagger UI at {@code /swagger-ui/index.html}, as springdoc served it: the swagger-ui web jar's files, and in place of
 * its start script (which opens a sample document) one that opens the shop's committed contract.
 * <p>
 * A controller's route wins over a resource handler's, so the script below is what the page loads.
 */
@RestController
class SwaggerUi implements WebMvcConfigurer {

    private static final String WEBJAR = "swagger-ui";

    /** Relative to the page, so a shop behind a path prefix still finds its contract. */
    private static final String START = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "../v3/api-docs",
                dom_id: "#swagger-ui",
                deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                layout: "StandaloneLayout"
              });
            };
            """;

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version(WEBJAR);
        if (version != null) {
            registry.addResourceHandler("/swagger-ui/**")
                    .addResourceLocations("classpath:/META-INF/resources/webjars/" + WEBJAR + "/" + version + "/");
        }
    }

    @GetMapping("/swagger-ui/swagger-initializer.js")
    ResponseEntity<String> start() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8)).body(START);
    }
}
