package dev.darkmaximus.bench.baseline;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare baseline of `make bench`: what Spring MVC and one JDBC query cost on this JVM and this database, with
 * nothing of the product in between (no security, rate limits, caches, migrations or schedulers). The product's
 * figures are printed as ratios to this app's, measured in the same run.
 */
@SpringBootApplication
public class BaselineApp {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApp.class, args);
    }

    @RestController
    static class Endpoints {

        private final JdbcClient jdbc;

        Endpoints(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        /** The bare Spring MVC endpoint: a tiny JSON answer, no database. */
        @GetMapping("/hello")
        Map<String, String> hello() {
            return Map.of("status", "UP");
        }

        /**
         * The one-query JDBC endpoint: the plans on sale with their prices, read from the product's own tables in one
         * query on every request — the work the storefront would do with no cache and no business rule.
         */
        @GetMapping("/plans")
        List<PlanPrice> plans() {
            return jdbc.sql("""
                            SELECT p.id, p.host_id, p.name_ru, p.name_en, p.duration_unit, p.duration_value,
                                   p.traffic_limit_gb, p.device_limit, pp.currency, pp.amount_minor
                            FROM plans p JOIN plan_prices pp ON pp.plan_id = p.id
                            WHERE p.visibility = 'VISIBLE'
                            ORDER BY p.display_order, p.id, pp.currency""")
                    .query(PlanPrice.class).list();
        }
    }

    record PlanPrice(long id, long hostId, String nameRu, String nameEn, String durationUnit, int durationValue,
                     int trafficLimitGb, int deviceLimit, String currency, long amountMinor) {
    }
}
