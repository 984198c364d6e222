package dev.darkmaximus.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Admin-edited bot texts go on a public page with their bold, italics and code only: nothing that can restyle it. */
class SubscriptionPageTest {

    @Test
    void onlyBareTextTagsSurvive() {
        assertThat(SubscriptionPage.plainTags("<b>Android</b>\n1. Install <i>Happ</i>, copy <code>vless://a&b</code>"))
                .isEqualTo("<b>Android</b>\n1. Install <i>Happ</i>, copy <code>vless://a&amp;b</code>");
        assertThat(SubscriptionPage.plainTags("<b style=\"position:fixed\">x</b><a href=\"https://evil\">y</a>"
                + "<script>alert(1)</script>"))
                .doesNotContain("<b style", "<a ", "<script").contains("&lt;a href=&quot;https://evil&quot;&gt;");
    }
}
