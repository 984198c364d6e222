package dev.darkmaximus.miniapp;

/** A country's flag from its ISO 3166 code: the two regional indicator letters Telegram and phones draw as a flag. */
final class Flags {

    private static final int REGIONAL_A = 0x1F1E6;

    private Flags() {
    }

    /** "NL" → 🇳🇱; "" for anything that isn't two Latin letters. */
    static String of(String countryCode) {
        if (countryCode == null || countryCode.length() != 2) {
            return "";
        }
        StringBuilder flag = new StringBuilder();
        for (char c : countryCode.toUpperCase().toCharArray()) {
            if (c < 'A' || c > 'Z') {
                return "";
            }
            flag.appendCodePoint(REGIONAL_A + (c - 'A'));
        }
        return flag.toString();
    }
}
