package dev.darkmaximus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.Shop;

/** Customers' support over the API: one open ticket that messages join, nobody else's ticket visible or closable. */
class MyTicketsIT extends PanelBackedTest {

    @Test
    void messagesJoinTheOpenTicketAndOthersCantSeeOrCloseIt() {
        Shop.Customer me = shop.customer();
        Shop.Customer other = shop.customer();

        JsonNode first = api.post("/api/v1/me/tickets/messages", Map.of("text", "Key is slow"), me.token())
                .expect(200).json();
        JsonNode second = api.post("/api/v1/me/tickets/messages", Map.of("text", "Still slow"), me.token())
                .expect(200).json();
        long ticket = first.path("id").asLong();
        assertThat(second.path("id").asLong()).isEqualTo(ticket);
        assertThat(second.path("messages")).hasSize(2);
        assertThat(api.get("/api/v1/me/tickets", me.token()).expect(200).json()).hasSize(1);

        api.get("/api/v1/me/tickets/" + ticket, other.token()).problem(404, "not_found");
        api.post("/api/v1/me/tickets/" + ticket + "/close", Map.of(), other.token()).problem(404, "not_found");
        api.post("/api/v1/me/tickets/messages", Map.of("text", " "), me.token()).problem(400, "validation_failed");

        JsonNode closed = api.post("/api/v1/me/tickets/" + ticket + "/close", Map.of(), me.token()).expect(200).json();
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        JsonNode next = api.post("/api/v1/me/tickets/messages", Map.of("text", "New question"), me.token())
                .expect(200).json();
        assertThat(next.path("id").asLong()).isNotEqualTo(ticket);
    }
}
