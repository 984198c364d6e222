package dev.darkmaximus.panel.xui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.darkmaximus.panel.ClientSpec;

/**
 * Builds the share links 3x-ui's "Copy URL" produces, from an inbound's protocol, port and stream settings, so the
 * link a customer imports matches what the server accepts (transport, TLS/Reality parameters, Vision flow).
 */
final class XuiLinks {

    private XuiLinks() {
    }

    /**
     * @param address the host name customers connect to (the panel's host unless the inbound listens elsewhere)
     * @param inbound the inbound as the panel returns it, with settings/streamSettings already parsed
     */
    static Optional<String> link(JsonMapper json, String address, JsonNode inbound, JsonNode stream, ClientSpec spec,
                                 String flow, String remark) {
        String protocol = inbound.path("protocol").asString("");
        int port = inbound.path("port").asInt();
        String listen = inbound.path("listen").asString("");
        String host = listen.isBlank() || listen.equals("0.0.0.0") || listen.equals("::") ? address : listen;
        String fragment = "#" + encode(remark);
        return switch (protocol) {
            case "vless" -> {
                Map<String, String> query = transport(stream);
                query.put("encryption", "none");
                if (flow != null && !flow.isEmpty()) {
                    query.put("flow", flow);
                }
                yield Optional.of("vless://" + spec.uuid() + "@" + authority(host, port) + "?" + join(query) + fragment);
            }
            case "trojan" -> Optional.of("trojan://" + encode(spec.uuid().toString()) + "@" + authority(host, port)
                    + "?" + join(transport(stream)) + fragment);
            case "vmess" -> Optional.of("vmess://" + vmess(json, host, port, stream, spec, remark));
            default -> Optional.empty();
        };
    }

    /** The Vision flow for TCP with TLS/Reality when the inbound's clients use it, as 3x-ui's own form defaults. */
    static String flow(JsonNode inbound, JsonNode settings, JsonNode stream) {
        if (!"vless".equals(inbound.path("protocol").asString(""))) {
            return "";
        }
        for (JsonNode client : settings.path("clients")) {
            String existing = client.path("flow").asString("");
            if (!existing.isEmpty()) {
                return existing;
            }
        }
        boolean tcp = "tcp".equals(stream.path("network").asString("tcp"));
        return tcp && "reality".equals(stream.path("security").asString("")) ? "xtls-rprx-vision" : "";
    }

    private static Map<String, String> transport(JsonNode stream) {
        Map<String, String> query = new LinkedHashMap<>();
        String network = stream.path("network").asString("tcp");
        query.put("type", network);
        switch (network) {
            case "ws" -> {
                putIfPresent(query, "path", stream.path("wsSettings").path("path"));
                putIfPresent(query, "host", stream.path("wsSettings").path("headers").path("Host"));
            }
            case "grpc" -> putIfPresent(query, "serviceName", stream.path("grpcSettings").path("serviceName"));
            case "xhttp" -> {
                putIfPresent(query, "path", stream.path("xhttpSettings").path("path"));
                putIfPresent(query, "host", stream.path("xhttpSettings").path("host"));
                putIfPresent(query, "mode", stream.path("xhttpSettings").path("mode"));
            }
            default -> {
                JsonNode header = stream.path("tcpSettings").path("header");
                if ("http".equals(header.path("type").asString(""))) {
                    query.put("headerType", "http");
                }
            }
        }
        String security = stream.path("security").asString("none");
        query.put("security", security);
        if ("reality".equals(security)) {
            JsonNode reality = stream.path("realitySettings");
            putIfPresent(query, "pbk", reality.path("settings").path("publicKey"));
            putIfPresent(query, "fp", reality.path("settings").path("fingerprint"));
            putIfPresent(query, "sni", reality.path("serverNames").path(0));
            putIfPresent(query, "sid", reality.path("shortIds").path(0));
            putIfPresent(query, "spx", reality.path("settings").path("spiderX"));
        } else if ("tls".equals(security)) {
            JsonNode tls = stream.path("tlsSettings");
            putIfPresent(query, "sni", tls.path("serverName"));
            putIfPresent(query, "fp", tls.path("settings").path("fingerprint"));
            JsonNode alpn = tls.path("alpn");
            if (alpn.isArray() && !alpn.isEmpty()) {
                StringJoiner values = new StringJoiner(",");
                alpn.forEach(a -> values.add(a.asString()));
                query.put("alpn", values.toString());
            }
        }
        return query;
    }

    private static String vmess(JsonMapper json, String host, int port, JsonNode stream, ClientSpec spec,
                                String remark) {
        Map<String, String> transport = transport(stream);
        ObjectNode config = json.createObjectNode();
        config.put("v", "2");
        config.put("ps", remark);
        config.put("add", host);
        config.put("port", port);
        config.put("id", spec.uuid().toString());
        config.put("net", transport.get("type"));
        config.put("type", transport.getOrDefault("headerType", "none"));
        config.put("host", transport.getOrDefault("host", ""));
        config.put("path", transport.getOrDefault("path", transport.getOrDefault("serviceName", "")));
        config.put("tls", "none".equals(transport.get("security")) ? "" : transport.get("security"));
        config.put("sni", transport.getOrDefault("sni", ""));
        return Base64.getEncoder().encodeToString(json.writeValueAsString(config).getBytes(StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Map<String, String> query, String name, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull() && !value.asString("").isEmpty()) {
            query.put(name, value.asString());
        }
    }

    private static String join(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((k, v) -> joined.add(k + "=" + encode(v)));
        return joined.toString();
    }

    private static String authority(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The host name in the panel's URL: where customers connect unless the inbound says otherwise. */
    static String address(String baseUrl) {
        return URI.create(baseUrl).getHost();
    }
}
