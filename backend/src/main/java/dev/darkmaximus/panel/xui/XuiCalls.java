package dev.darkmaximus.panel.xui;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.stereotype.Component;

import dev.darkmaximus.panel.PanelConnection;

/** Authorized GET and POST to a 3x-ui API path, answered as the panel's envelope. */
@Component
class XuiCalls {

    private final XuiHttp http;
    private final XuiAuth auth;

    XuiCalls(XuiHttp http, XuiAuth auth) {
        this.http = http;
        this.auth = auth;
    }

    XuiHttp http() {
        return http;
    }

    XuiAuth auth() {
        return auth;
    }

    XuiHttp.Envelope get(PanelConnection panel, String operation, String path) {
        HttpResponse<String> response = auth.send(panel, operation, false, () -> http.request(panel, path).GET());
        return http.read(response, operation);
    }

    /** POST with a JSON body (null for none). */
    XuiHttp.Envelope post(PanelConnection panel, String operation, String path, Object body) {
        String json = body == null ? null : http.json().writeValueAsString(body);
        HttpResponse<String> response = auth.send(panel, operation, true, () -> http.request(panel, path)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
        return http.read(response, operation);
    }
}
