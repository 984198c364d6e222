package dev.darkmaximus.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivacyTest {

    @Test
    void maskedValuesKeepTheirFirstCharacterAndHideTheirLength() {
        assertThat(Privacy.mask("700824687536")).isEqualTo("7•••");
        assertThat(Privacy.mask("ivan_petrov")).isEqualTo(Privacy.mask("ivan")).isEqualTo("i•••");
        assertThat(Privacy.mask("")).isEmpty();
    }
}
