package dev.darkmaximus.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.testsupport.Api;
import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.IntegrationTest;

/**
 * The Mini App's first meaningful render (the first plan card on screen, after sign-in and the catalog call) in
 * headless Chromium on a simulated slow 4G link — Lighthouse's profile: 150 ms round trip, 1.6 Mbit/s down,
 * 750 kbit/s up — with an empty cache each time; once at this machine's CPU speed and once slowed 4× like a
 * mid-range phone. Telegram's own script is left out (this machine is
 * offline); inside Telegram it is usually cached by the client.
 */
@Tag("bench")
class MiniAppRenderBenchmark extends IntegrationTest {

    private static final int RUNS = Integer.getInteger("bench.renders", 7);

    @LocalServerPort
    int port;

    @Test
    void firstMeaningfulRenderOnSlow4g() {
        Api api = new Api(port);
        String admin = api.adminToken();
        long host = api.post("/api/v1/admin/hosts", CatalogRequests.host("Render host " + System.nanoTime()), admin)
                .expect(201).json().get("id").asLong();
        for (int p = 0; p < 4; p++) {
            api.post("/api/v1/admin/plans", CatalogRequests.plan(host, "Render plan " + p, "visible"), admin).expect(201);
        }
        System.out.printf("%nMini App on slow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), %d cold loads each:%n",
                RUNS);
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            for (int cpu : new int[] {1, 4}) {
                List<Double> renders = new ArrayList<>();
                List<Double> paints = new ArrayList<>();
                for (int run = 0; run <= RUNS; run++) {
                    double[] measured = load(browser, cpu, run);
                    if (run > 0) { // the first load warms the server, not the browser (each context starts cold)
                        paints.add(measured[0]);
                        renders.add(measured[1]);
                    }
                }
                Collections.sort(renders);
                Collections.sort(paints);
                System.out.printf("CPU %dx: first contentful paint median %5.0f ms, max %5.0f ms;"
                                + " first plan card median %5.0f ms, max %5.0f ms%n", cpu, median(paints),
                        paints.getLast(), median(renders), renders.getLast());
            }
        }
    }

    /** One cold load: first contentful paint and first plan card, in ms from navigation start. */
    private double[] load(Browser browser, int cpu, int run) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", Chromium.randomClientIp())))) {
            Page page = context.newPage();
            page.route("https://telegram.org/**", route -> route.abort());
            slow4g(context.newCDPSession(page), cpu);
            page.addInitScript("new MutationObserver(function (m, o) {"
                    + " if (document.querySelector('.plan-card')) { window.dmRendered = performance.now();"
                    + " o.disconnect(); } }).observe(document, {childList: true, subtree: true});");
            page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + (90_000_000 + cpu * 1_000 + run));
            page.waitForFunction("() => window.dmRendered");
            double rendered = ((Number) page.evaluate("() => window.dmRendered")).doubleValue();
            double paint = ((Number) page.evaluate("() => { var p = performance.getEntriesByName("
                    + "'first-contentful-paint')[0]; return p ? p.startTime : 0; }")).doubleValue();
            return new double[] {paint, rendered};
        }
    }

    private static void slow4g(CDPSession cdp, int cpu) {
        cdp.send("Network.enable");
        JsonObject network = new JsonObject();
        network.addProperty("offline", false);
        network.addProperty("latency", 150);
        network.addProperty("downloadThroughput", 1_600_000 / 8);
        network.addProperty("uploadThroughput", 750_000 / 8);
        cdp.send("Network.emulateNetworkConditions", network);
        cdp.send("Network.setCacheDisabled", json(Map.of("cacheDisabled", true)));
        cdp.send("Emulation.setCPUThrottlingRate", json(Map.of("rate", cpu)));
    }

    private static JsonObject json(Map<String, Object> values) {
        JsonObject object = new JsonObject();
        values.forEach((k, v) -> {
            if (v instanceof Boolean b) {
                object.addProperty(k, b);
            } else {
                object.addProperty(k, (Number) v);
            }
        });
        return object;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }
}
