package dev.darkmaximus.panel.xui;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.PanelConnection;
import dev.darkmaximus.panel.PanelException;

/**
 * One cookie session per host (cookie "3x-ui" from POST /login), shared by the v2 and v3 adapters. A refused login
 * is reported, never retried: the panel locks an address out after five failures.
 */
@Component
class XuiSessions {

    private static final String COOKIE = "3x-ui";

    private final XuiHttp http;
    private final Map<Long, String> cookies = new ConcurrentHashMap<>();

    XuiSessions(XuiHttp http) {
        this.http = http;
    }

    String cookie(PanelConnection panel) {
        String cookie = cookies.get(panel.hostId());
        return cookie != null ? cookie : login(panel);
    }

    String login(PanelConnection panel) {
        cookies.remove(panel.hostId());
        ObjectNode credentials = http.json().createObjectNode();
        credentials.put("username", panel.username());
        credentials.put("password", panel.password());
        HttpResponse<String> response = http.send(panel, "login", http.request(panel, "/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json().writeValueAsString(credentials))).build());
        http.envelope(response, "login");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(0, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst()
                .orElseThrow(() -> new PanelException("login answered without a session cookie", false));
        cookies.put(panel.hostId(), cookie);
        return cookie;
    }
}
