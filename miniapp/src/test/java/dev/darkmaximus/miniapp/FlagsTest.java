package dev.darkmaximus.miniapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlagsTest {

    @Test
    void twoLettersMakeTheCountrysFlag() {
        assertEquals("🇳🇱", Flags.of("NL"));
        assertEquals("🇩🇪", Flags.of("de"));
        assertEquals("", Flags.of(null));
        assertEquals("", Flags.of("NLD"));
        assertEquals("", Flags.of("1A"));
    }
}
