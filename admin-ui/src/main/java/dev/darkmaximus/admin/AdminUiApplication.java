package dev.darkmaximus.admin;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The operators' UI: a Vaadin client of the backend's REST API (no database of its own). Vaadin 25 loads no theme by
 * default; Lumo comes as a plain stylesheet, so the pre-built bundle still serves.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@ConfigurationPropertiesScan
@PWA(name = "Dark Maximus 3 admin", shortName = "DM3 admin")
public class AdminUiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
