package dev.darkmaximus.miniapp;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArray;

/** Typed views of the API's JSON (parsed by the browser), read-only. */
final class Json {

    private Json() {
    }

    @JSBody(params = "text", script = "try { return JSON.parse(text); } catch (e) { return null; }")
    static native JSObject parse(String text);

    @JSBody(params = "value", script = "return JSON.stringify(value);")
    static native String stringify(JSObject value);

    @JSBody(params = "initData", script = "return JSON.stringify({initData: initData});")
    static native String telegramLogin(String initData);

    @JSBody(params = {"telegramId", "language"},
            script = "return JSON.stringify({telegramId: Number(telegramId), firstName: 'Dev', username: 'dev',"
                    + " language: language});")
    static native String devLogin(String telegramId, String language);

    /** Integers travel as JS numbers (exact below 2^53); reading them as text keeps Java in long arithmetic. */
    @JSBody(params = {"object", "field"}, script = "var v = object[field]; return v == null ? '' : String(v);")
    static native String integerText(JSObject object, String field);

    /** An ISO-8601 instant field as epoch milliseconds (0 when absent), parsed by the browser. */
    @JSBody(params = {"object", "field"}, script = "var v = object[field]; return v ? String(Date.parse(v)) : '0';")
    static native String epochMillisText(JSObject object, String field);

    static long epochMillis(JSObject object, String field) {
        return Long.parseLong(epochMillisText(object, field));
    }

    @JSBody(params = "problem", script = "var e = problem.errors; return e && e.length ? (e[0].message || null) : null;")
    static native String firstFieldMessage(JSObject problem);

    /** The purchase as the API takes it; promo code left out when empty. */
    static String purchase(String kind, String planId, String keyId, String amountMinor, String method,
                           String promoCode) {
        return purchase(kind, planId, keyId, amountMinor, method, promoCode, false);
    }

    /** As above; {@code saveCard}: the customer ticked "save the card for auto-renewal". */
    @JSBody(params = {"kind", "planId", "keyId", "amountMinor", "method", "promoCode", "saveCard"},
            script = "var b = {kind: kind, method: method}; if (planId) b.planId = Number(planId);"
                    + " if (keyId) b.keyId = Number(keyId); if (amountMinor) b.amountMinor = Number(amountMinor);"
                    + " if (promoCode) b.promoCode = promoCode; if (saveCard) b.saveCard = true;"
                    + " return JSON.stringify(b);")
    static native String purchase(String kind, String planId, String keyId, String amountMinor, String method,
                                  String promoCode, boolean saveCard);

    /** A random key for one checkout (crypto where available). */
    @JSBody(script = "return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()"
            + " : String(Date.now()) + '-' + String(Math.random()).slice(2);")
    static native String randomKey();

    @JSBody(params = {"object", "field"}, script = "var v = object[field]; return v == null ? null : String(v);")
    static native String text(JSObject object, String field);

    @JSBody(params = {"object", "field"}, script = "return object[field] || null;")
    static native JSObject child(JSObject object, String field);

    @JSBody(script = "return String(Date.now());")
    static native String nowText();

    static long longOf(JSObject object, String field) {
        String text = integerText(object, field);
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    interface Token extends JSObject {
        @JSProperty
        String getAccessToken();
    }

    interface Problem extends JSObject {
        @JSProperty
        String getDetail();

        @JSProperty
        String getCode();

    }

    interface Me extends JSObject {
        @JSProperty
        String getFirstName();

        @JSProperty
        boolean getTrialAvailable();

        @JSProperty
        String getLanguage();

        @JSProperty
        boolean getAutoRenewDefault();
    }

    interface Host extends JSObject {
        @JSProperty
        String getName();

        /** The name for English readers; null = the one name. */
        @JSProperty
        String getNameEn();

        /** The host's panel is failing and the shop sells on: say so before the customer pays. */
        @JSProperty
        boolean getKeysMayBeDelayed();

        @JSProperty
        String getFlag();

        /** ISO 3166 two letters, e.g. NL; the flag is drawn from it when the host has no emoji of its own. */
        @JSProperty
        String getCountryCode();

        @JSProperty
        JSArray<Plan> getPlans();
    }

    interface Plan extends JSObject {
        @JSProperty
        String getNameRu();

        @JSProperty
        String getNameEn();

        @JSProperty
        String getDurationUnit();

        @JSProperty
        int getDurationValue();

        @JSProperty
        int getTrafficLimitGb();

        @JSProperty
        int getDeviceLimit();

        @JSProperty
        JSArray<Price> getPrices();
    }

    interface Price extends JSObject {
        @JSProperty
        String getCurrency();
    }

    interface Key extends JSObject {
        @JSProperty
        int getNumber();

        @JSProperty
        String getLabel();

        @JSProperty
        String getHostName();

        @JSProperty
        String getHostNameEn();

        @JSProperty
        String getStatus();

        @JSProperty
        boolean getTrial();

        @JSProperty
        boolean getExtendable();

        @JSProperty
        boolean getAutoRenewEffective();

        @JSProperty
        String getConnectionLink();

        @JSProperty
        String getSubscriptionUrl();
    }

    /** GET /me/keys/{id}/connect. */
    interface Connect extends JSObject {
        @JSProperty
        JSObject getApps();
    }

    /** One app of a key's connect answer; platforms and downloads are read in ConnectView. */
    interface ConnectApp extends JSObject {
        @JSProperty
        String getId();

        @JSProperty
        String getName();

        @JSProperty
        String getImportLink();

        @JSProperty
        String getOpenUrl();
    }

    /** GET /me/trial/hosts. */
    interface TrialHost extends JSObject {
        @JSProperty
        String getName();

        @JSProperty
        String getNameEn();

        @JSProperty
        String getFlag();

        @JSProperty
        String getCountryCode();
    }
}
