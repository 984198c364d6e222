package dev.darkmaximus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.darkmaximus.testsupport.InitData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop the HTTP figures are taken on, made through the admin API: one host and twelve plans on sale (the issue's
 * figure for a typical shop), a staff token and a customer signed in from the Mini App.
 */
record Shop(int plans, String adminToken, String customerToken) {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String BOT_TOKEN = "123456:BENCH-bot-token-for-initdata";
    private static final int PLANS = 12;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Shop seed(String base) throws IOException, InterruptedException {
        String admin = adminToken(base);
        // The host's panel is not reachable from the bench; keep its plans on sale while the checks fail.
        call(base, "PUT", "/api/v1/admin/settings", Map.of("values", Map.of("keys.sell-while-panel-down", "true")),
                admin);
        long host = call(base, "POST", "/api/v1/admin/hosts", Map.ofEntries(
                Map.entry("name", "Bench NL"), Map.entry("panelType", "xui_v2"),
                Map.entry("baseUrl", "https://panel.bench.invalid:2053/"), Map.entry("webBasePath", "/secret"),
                Map.entry("username", "admin"), Map.entry("password", "panel-password"),
                Map.entry("inboundIds", List.of(1)), Map.entry("subscriptionBaseUrl", "https://panel.bench.invalid/sub"),
                Map.entry("tlsVerify", true), Map.entry("enabled", true), Map.entry("displayOrder", 0),
                Map.entry("countryCode", "NL"), Map.entry("flag", "🇳🇱")), admin).get("id").asLong();
        for (int i = 1; i <= PLANS; i++) {
            call(base, "POST", "/api/v1/admin/plans", Map.ofEntries(
                    Map.entry("hostId", host), Map.entry("nameRu", i + " мес."), Map.entry("nameEn", i + " months"),
                    Map.entry("durationUnit", "months"), Map.entry("durationValue", i),
                    Map.entry("trafficLimitGb", 0), Map.entry("deviceLimit", 3),
                    Map.entry("prices", List.of(Map.of("amount", 19900 * i, "currency", "RUB"),
                            Map.of("amount", 100 * i, "currency", "XTR"))),
                    Map.entry("visibility", "visible"), Map.entry("audience", "all"), Map.entry("groupIds", List.of()),
                    Map.entry("displayOrder", i), Map.entry("provisionMode", "both"), Map.entry("trial", false)), admin);
        }
        return new Shop(PLANS, admin, null).refresh(base);
    }

    /** Fresh tokens (the access tokens live 15 minutes; the start-up rounds take longer). */
    Shop refresh(String base) throws IOException, InterruptedException {
        String initData = InitData.signed(BOT_TOKEN, Instant.now().getEpochSecond(),
                InitData.userJson(900_000_001L, "Bench", "bench", "ru"), Map.of());
        String customer = call(base, "POST", "/api/v1/auth/telegram", Map.of("initData", initData), null)
                .get("accessToken").asString();
        return new Shop(plans, adminToken(base), customer);
    }

    private static String adminToken(String base) throws IOException, InterruptedException {
        return call(base, "POST", "/api/v1/auth/admin/login", Map.of("username", "admin", "password", ADMIN_PASSWORD),
                null).get("accessToken").asString();
    }

    private static JsonNode call(String base, String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
