package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.CatalogRequests;
import dev.darkmaximus.testsupport.DomainFixtures;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.XuiPanelStub;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;

/**
 * A host's English name: set by admins, shown to English readers in the catalog; an update that leaves it out (a
 * client older than the field) keeps it, an empty one clears it.
 */
class HostNamesIT extends PanelBackedTest {

    @Test
    void theEnglishNameIsKeptWhenLeftOutAndClearedWhenEmpty() {
        String name = "Нидерланды " + DomainFixtures.unique("n");
        Map<String, Object> host = body(name);
        host.put("nameEn", "Netherlands");
        long id = api.post("/api/v1/admin/hosts", host, shop.admin()).expect(201).json().get("id").asLong();
        shop.plan(id, "visible");
        JsonNode listed = catalogHost(id);
        assertThat(listed.get("name").asString()).isEqualTo(name);
        assertThat(listed.get("nameEn").asString()).isEqualTo("Netherlands");

        Map<String, Object> older = body(name); // no nameEn at all
        assertThat(api.put("/api/v1/admin/hosts/" + id, older, shop.admin()).expect(200).json().get("nameEn")
                .asString()).isEqualTo("Netherlands");

        Map<String, Object> cleared = body(name);
        cleared.put("nameEn", "");
        JsonNode afterClear = api.put("/api/v1/admin/hosts/" + id, cleared, shop.admin()).expect(200).json();
        assertThat(afterClear.get("nameEn").isNull()).as(afterClear.toString()).isTrue();
        assertThat(catalogHost(id).get("nameEn").isNull()).isTrue();
    }

    private Map<String, Object> body(String name) {
        Map<String, Object> host = CatalogRequests.host(name);
        host.put("baseUrl", panel.baseUrl());
        host.put("webBasePath", XuiPanelStub.ROOT);
        host.put("password", FakeXuiPanel.PASSWORD);
        return host;
    }

    private JsonNode catalogHost(long id) {
        for (JsonNode host : api.get("/api/v1/catalog/hosts", null).expect(200).json()) {
            if (host.get("id").asLong() == id) {
                return host;
            }
        }
        throw new AssertionError("host " + id + " not in the catalog");
    }
}
