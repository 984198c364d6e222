package dev.darkmaximus.admin.ui;

import dev.darkmaximus.admin.backend.BackendSession;

/**
 * The "hide personal data" switch (SPEC §10) for sharing a screen: Telegram ids, usernames, names, links and
 * addresses read as their first character and a fixed run of dots, so not even their length shows.
 */
public final class Privacy {

    private Privacy() {
    }

    public static String shown(BackendSession session, Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return session.hidingPersonalData() ? mask(text) : text;
    }

    static String mask(String text) {
        return text.isEmpty() ? "" : text.charAt(0) + "•••";
    }
}
