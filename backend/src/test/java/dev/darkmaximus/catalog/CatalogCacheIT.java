package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.PanelBackedTest;

/**
 * The cached storefront (issue 24): read from the tables once per catalog version, and any change to what is on
 * sale, made through this node or straight in the database as another node's would be, shows on the next request.
 */
class CatalogCacheIT extends PanelBackedTest {

    @Autowired
    CatalogService catalog;

    private JsonNode planOf(long planId) {
        for (JsonNode host : api.get("/api/v1/catalog/hosts", null).expect(200).json()) {
            for (JsonNode plan : host.get("plans")) {
                if (plan.get("id").asLong() == planId) {
                    return plan;
                }
            }
        }
        return null;
    }

    @Test
    void repeatedReadsCostNoReloadAndEveryChangeShowsOnTheNextRequest() {
        long planId = shop.plan(hostId, "visible");
        assertThat(planOf(planId)).isNotNull();
        long reloads = catalog.reloads();
        for (int i = 0; i < 10; i++) {
            assertThat(planOf(planId)).isNotNull();
        }
        assertThat(catalog.reloads()).as("nothing changed: served from the cache").isEqualTo(reloads);

        // As another node would: straight in the database, past this node's services.
        jdbc.sql("UPDATE plan_prices SET amount_minor = 25_000 WHERE plan_id = :id AND currency = 'RUB'")
                .param("id", planId).update();
        assertThat(planOf(planId).get("prices").toString()).contains("25000");
        jdbc.sql("UPDATE plans SET visibility = 'HIDDEN' WHERE id = :id").param("id", planId).update();
        assertThat(planOf(planId)).as("hidden on the next request").isNull();
        jdbc.sql("UPDATE plans SET visibility = 'VISIBLE' WHERE id = :id").param("id", planId).update();
        assertThat(planOf(planId)).isNotNull();

        jdbc.sql("UPDATE hosts SET health_last_error_at = now(), health_last_error = 'down' WHERE id = :id")
                .param("id", hostId).update();
        try {
            assertThat(planOf(planId)).as("a host whose panel is down is off sale").isNull();
        } finally {
            jdbc.sql("UPDATE hosts SET health_last_ok_at = now() WHERE id = :id").param("id", hostId).update();
        }
        assertThat(planOf(planId)).isNotNull();

        long beforeHealthWrite = catalog.reloads();
        jdbc.sql("UPDATE hosts SET health_last_ok_at = now() WHERE id = :id").param("id", hostId).update();
        planOf(planId);
        assertThat(catalog.reloads()).as("the panel watch's routine write changes nothing on sale")
                .isEqualTo(beforeHealthWrite);
    }

    /**
     * Requests arriving together share reads of the change counters (platform.db.SharedRead): during a burst, a price
     * changed in the database shows on every request that starts after the change committed, the burst's own
     * included.
     */
    @Test
    void aChangeDuringABurstShowsOnEveryRequestThatStartsAfterIt() throws Exception {
        long planId = shop.plan(hostId, "visible");
        assertThat(planOf(planId)).isNotNull();
        int threads = 8;
        AtomicBoolean changed = new AtomicBoolean();
        AtomicInteger warm = new AtomicInteger();
        AtomicInteger afterChange = new AtomicInteger();
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                burst.add(pool.submit(() -> {
                    Api client = new Api(port);
                    int mine = 0;
                    long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    while (mine < 15 && System.nanoTime() < until) {
                        boolean after = changed.get();
                        String price = priceIn(client.get("/api/v1/catalog/plans", null).expect(200).json(), planId);
                        warm.incrementAndGet();
                        if (after) {
                            mine++;
                            afterChange.incrementAndGet();
                            if (!price.contains("31400")) {
                                stale.add(price);
                            }
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (warm.get() < threads * 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            jdbc.sql("UPDATE plan_prices SET amount_minor = 31_400 WHERE plan_id = :id AND currency = 'RUB'")
                    .param("id", planId).update();
            changed.set(true);
            assertThat(planOf(planId).get("prices").toString()).contains("31400");
            for (Future<?> f : burst) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(afterChange.get()).isEqualTo(threads * 15);
        assertThat(stale).as("requests that started after the change and still saw the old price").isEmpty();
    }

    private static String priceIn(JsonNode plans, long planId) {
        for (JsonNode plan : plans) {
            if (plan.get("id").asLong() == planId) {
                return plan.get("prices").toString();
            }
        }
        throw new AssertionError("plan " + planId + " missing from the storefront");
    }
}
