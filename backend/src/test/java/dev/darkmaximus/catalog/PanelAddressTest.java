package dev.darkmaximus.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.darkmaximus.platform.error.InvalidInputException;

/** What counts as one panel address, and which addresses the HTTP client could not call at all. */
class PanelAddressTest {

    @Test
    void oneAddressWrittenDifferentlyIsTheSame() {
        assertThat(PanelAddress.same("https://Panel.example.net/", "https://panel.example.net")).isTrue();
        assertThat(PanelAddress.same("https://panel.example.net:443", "https://panel.example.net")).isTrue();
        assertThat(PanelAddress.same("http://panel.example.net:80/x", "http://panel.example.net/x")).isTrue();
        assertThat(PanelAddress.same("https://panel.example.net:2053", "https://panel.example.net")).isFalse();
        assertThat(PanelAddress.same("http://panel.example.net", "https://panel.example.net")).isFalse();
        assertThat(PanelAddress.same("https://collector.example.org", "https://panel.example.net")).isFalse();
        assertThat(PanelAddress.same(null, "https://panel.example.net")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://panel.example.net/a b", "https://panel.example.net:99999", "ftp://panel.example.net",
            "https://panel.example.net?x=1", "https://panel.example.net/#top", "https://user:pw@panel.example.net",
            "panel.example.net", ""})
    void anAddressTheClientCantCallIsAFieldError(String url) {
        assertThatThrownBy(() -> PanelAddress.require(url, "baseUrl")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aUsableAddressComesBackWithoutTrailingSlashes() {
        assertThat(PanelAddress.require(" https://panel.example.net:2053/secret// ", "baseUrl"))
                .isEqualTo("https://panel.example.net:2053/secret");
    }
}
