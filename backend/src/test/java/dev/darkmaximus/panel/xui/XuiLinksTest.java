package dev.darkmaximus.panel.xui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Share links built from an inbound as 3x-ui stores it (settings and streamSettings parsed). */
class XuiLinksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void vlessRealityCarriesTheRealityParametersAndVisionFlow() {
        JsonNode inbound = JSON.readTree("{\"protocol\":\"vless\",\"port\":443,\"listen\":\"\"}");
        JsonNode stream = JSON.readTree("""
                {"network":"tcp","security":"reality","realitySettings":{"serverNames":["www.example.com"],
                 "shortIds":["6ba8"],"settings":{"publicKey":"PBK","fingerprint":"chrome","spiderX":"/"}}}""");
        String flow = XuiLinks.flow(inbound, JSON.readTree("{\"clients\":[]}"), stream);
        String link = XuiLinks.link(JSON, "vpn.example.com", inbound, stream, XuiTestSupport.spec("dm1-k1"), flow,
                "Amsterdam #1").orElseThrow();
        assertThat(flow).isEqualTo("xtls-rprx-vision");
        assertThat(link).isEqualTo("vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@vpn.example.com:443?type=tcp"
                + "&security=reality&pbk=PBK&fp=chrome&sni=www.example.com&sid=6ba8&spx=%2F&encryption=none"
                + "&flow=xtls-rprx-vision#Amsterdam%20%231");
    }

    @Test
    void theInboundsOwnClientsDecideTheFlowAndWebsocketTlsIsDescribed() {
        JsonNode inbound = JSON.readTree("{\"protocol\":\"vless\",\"port\":8443,\"listen\":\"10.0.0.5\"}");
        JsonNode stream = JSON.readTree("""
                {"network":"ws","security":"tls","wsSettings":{"path":"/ws","headers":{"Host":"cdn.example.com"}},
                 "tlsSettings":{"serverName":"cdn.example.com","alpn":["h2","http/1.1"]}}""");
        assertThat(XuiLinks.flow(inbound, JSON.readTree("{\"clients\":[{\"flow\":\"\"}]}"), stream)).isEmpty();
        String link = XuiLinks.link(JSON, "vpn.example.com", inbound, stream, XuiTestSupport.spec("e"), "", "x")
                .orElseThrow();
        assertThat(link).startsWith("vless://0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10@10.0.0.5:8443?type=ws&path=%2Fws"
                + "&host=cdn.example.com&security=tls&sni=cdn.example.com&alpn=h2%2Chttp%2F1.1&encryption=none#x");
    }

    @Test
    void vmessIsBase64JsonAndUnknownProtocolsHaveNoLink() {
        JsonNode inbound = JSON.readTree("{\"protocol\":\"vmess\",\"port\":80}");
        String link = XuiLinks.link(JSON, "h.example", inbound, JSON.readTree("{\"network\":\"tcp\",\"security\":\"none\"}"),
                XuiTestSupport.spec("e"), "", "r").orElseThrow();
        JsonNode config = JSON.readTree(new String(Base64.getDecoder().decode(link.substring("vmess://".length()))));
        assertThat(config.get("add").asString()).isEqualTo("h.example");
        assertThat(config.get("port").asInt()).isEqualTo(80);
        assertThat(config.get("id").asString()).isEqualTo("0b6f4a3e-8d8c-4d3b-9a4e-2f1c5b7a9e10");
        assertThat(XuiLinks.link(JSON, "h", JSON.readTree("{\"protocol\":\"socks\",\"port\":1}"),
                JSON.readTree("{}"), XuiTestSupport.spec("e"), "", "r")).isEmpty();
    }
}
