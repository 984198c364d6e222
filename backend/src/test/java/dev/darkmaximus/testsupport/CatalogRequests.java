package dev.darkmaximus.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid admin request bodies for hosts and plans; tests change one field to make them invalid. */
public final class CatalogRequests {

    private CatalogRequests() {
    }

    public static Map<String, Object> host(String name) {
        Map<String, Object> host = new HashMap<>();
        host.put("name", name);
        host.put("panelType", "xui_v2");
        host.put("baseUrl", "https://panel.example.net:2053/");
        host.put("webBasePath", "/secret");
        host.put("username", "admin");
        host.put("password", "panel-pass-" + name);
        host.put("inboundIds", List.of(1));
        host.put("subscriptionBaseUrl", "https://panel.example.net:2096/sub");
        host.put("tlsVerify", true);
        host.put("enabled", true);
        host.put("displayOrder", 0);
        host.put("countryCode", "NL");
        host.put("flag", "🇳🇱");
        return host;
    }

    public static Map<String, Object> plan(long hostId, String nameEn, String visibility) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("hostId", hostId);
        plan.put("nameRu", "1 месяц");
        plan.put("nameEn", nameEn);
        plan.put("durationUnit", "months");
        plan.put("durationValue", 1);
        plan.put("trafficLimitGb", 0);
        plan.put("deviceLimit", 3);
        plan.put("prices", List.of(Map.of("amount", 19900, "currency", "RUB"), Map.of("amount", 100, "currency", "XTR")));
        plan.put("visibility", visibility);
        plan.put("audience", "all");
        plan.put("groupIds", List.of());
        plan.put("displayOrder", 0);
        plan.put("provisionMode", "both");
        plan.put("trial", false);
        return plan;
    }
}
