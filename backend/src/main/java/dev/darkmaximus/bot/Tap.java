package dev.darkmaximus.bot;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a bot button does. Its short {@link #code} travels in signed callback data (Telegram allows 64 bytes with the
 * arguments), so codes are part of buttons already sent to customers and never change; a new action gets a new code.
 */
enum Tap {
    // Gates, before anything else.
    TERMS_ACCEPT("terms"),
    CHANNEL_CHECK("chk"),
    // Menu and support.
    MENU("menu"),
    SUPPORT("sup"),
    SUPPORT_CLOSE("supc"),
    HELP("help"),
    // Buying: host → plan → promo → method → summary → pay. Purchases carry a {@link Purchase} code.
    BUY("buy"),
    HOST_PLANS("bh"),
    PLAN_CHOSEN("bp"),
    PROMO_ASK("bpe"),
    PROMO_DROP("pd"),
    METHODS("m"),
    SUMMARY("s"),
    PAY("p"),
    SAVE_CARD("sc"),
    TOP_UP("top"),
    TOP_UP_AMOUNT("tc"),
    // Keys.
    KEYS("keys"),
    KEY("k"),
    KEY_QR("kq"),
    KEY_PLATFORMS("ki"),
    KEY_INSTRUCTIONS("kp"),
    KEY_AUTO_RENEW("ka"),
    TRIAL("trial"),
    // Account.
    PROFILE("prof"),
    HISTORY("h"),
    AUTO_RENEW_DEFAULT("ad"),
    CARDS("cards"),
    CARD_REMOVE("cr"),
    LANGUAGES("lang"),
    LANGUAGE("l"),
    REFERRAL("ref"),
    WITHDRAW("w"),
    WITHDRAW_METHOD("wm"),
    // Staff only: the role is checked again on every tap.
    ADMIN_HOME("adm", true),
    ADMIN_FIND("af", true),
    ADMIN_PENDING("ap", true),
    ADMIN_CARD("ac", true),
    ADMIN_BAN("ab", true),
    ADMIN_UNBAN("au", true),
    ADMIN_BALANCE("aa", true),
    ADMIN_TRIAL_RESET("at", true),
    ADMIN_KEYS("ak", true),
    ADMIN_EXTEND("ax", true);

    private static final Map<String, Tap> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(tap -> tap.code, Function.identity()));

    final String code;
    final boolean admin;

    Tap(String code) {
        this(code, false);
    }

    Tap(String code, boolean admin) {
        this.code = code;
        this.admin = admin;
    }

    /** The action a button's code names; empty for a code no current button has (an old or broken button). */
    static Optional<Tap> of(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
