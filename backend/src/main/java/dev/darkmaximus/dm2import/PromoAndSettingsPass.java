package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.darkmaximus.platform.settings.SettingCatalogue;

/**
 * Promo codes (with how often DM2 saw them used) and the DM2 settings that mean the same thing here. A code or
 * setting the shop already has is left as it is. Secrets (the YooKassa key) only with {@code --with-secrets}.
 */
final class PromoAndSettingsPass {

    private final ImportRun run;

    PromoAndSettingsPass(ImportRun run) {
        this.run = run;
    }

    void run() throws Exception {
        Map<String, Integer> used = new HashMap<>();
        run.source.each("promo_code_usage", """
                SELECT promo_id, count(*) AS n FROM promo_code_usage WHERE status = 'used' GROUP BY promo_id""",
                row -> used.put(row.text("promo_id"), row.number("n").intValue()));
        run.source.each("promo_codes", "SELECT * FROM promo_codes ORDER BY promo_id", row -> promo(row, used));
        run.commit();
        settings();
        run.commit();
    }

    private void promo(Dm2Source.Row row, Map<String, Integer> used) throws Exception {
        run.report.found("promo codes");
        String dm2Id = row.text("promo_id");
        String code = row.text("code") == null ? "" : row.text("code").strip().toUpperCase(Locale.ROOT);
        String key = code;
        String source = "#" + dm2Id + " " + code;
        if (run.mapped("promo").containsKey(key)) {
            run.report.alreadyImported("promo codes");
            return;
        }
        if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
            run.report.skipped("promo codes", source, "not a code this shop accepts");
            return;
        }
        Long existing = run.shop.sql("SELECT id FROM promo_codes WHERE lower(code) = lower(:c)").param("c", code)
                .query(Long.class).optional().orElse(null);
        if (existing != null) {
            run.map("promo", key, existing);
            run.report.merged("promo codes", source + " into the code of that name here (its terms kept)");
            return;
        }
        Roubles percent = Roubles.of(row.get("discount_percent"));
        Roubles fixed = Roubles.of(row.get("discount_amount"));
        Roubles bonus = Roubles.of(row.get("discount_bonus"));
        String kind;
        long value;
        String currency = "RUB";
        if (percent != null && percent.kopecks() > 0) {
            kind = "PERCENT";
            value = Math.min(100, percent.whole());
            currency = null;
            if (value < 1) {
                run.report.skipped("promo codes", source, percent.shown()
                        + " % is less than the 1 % a code gives here");
                return;
            }
            if (percent.decimal().stripTrailingZeros().scale() > 0) {
                run.report.problem("promo codes", source, percent.shown() + " % rounded to " + value + " %");
            }
        } else if (fixed != null && fixed.kopecks() > 0) {
            kind = "FIXED";
            value = fixed.kopecks();
            run.report.amount("promo code " + code + " discount", fixed);
        } else if (bonus != null && bonus.kopecks() > 0) {
            kind = "BALANCE_BONUS";
            value = bonus.kopecks();
            run.report.amount("promo code " + code + " bonus", bonus);
        } else {
            run.report.skipped("promo codes", source, "gives nothing (no percent, amount or bonus)");
            return;
        }
        int given = (percent != null && percent.kopecks() > 0 ? 1 : 0) + (fixed != null && fixed.kopecks() > 0 ? 1 : 0)
                + (bonus != null && bonus.kopecks() > 0 ? 1 : 0);
        if (given > 1) {
            run.report.problem("promo codes", source, "gave several things at once; here it gives only its "
                    + kind.toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        Instant created = run.times.serverLocal(row.text("created_at"));
        Instant until = run.times.serverLocal(row.text("valid_until"));
        Instant burn = burnsAt(created, row.number("burn_after_value"), row.text("burn_after_unit"));
        if (burn != null && (until == null || burn.isBefore(until))) {
            until = burn;
        }
        if (row.text("target_group_ids") != null && !row.text("target_group_ids").isBlank()
                && !row.text("target_group_ids").strip().equals("[]")) {
            run.report.problem("promo codes", source, "was for some groups only: here any customer may use it");
        }
        Long limit = row.number("usage_limit_per_bot");
        int timesUsed = used.getOrDefault(dm2Id, 0);
        long id = run.shop.sql("""
                        INSERT INTO promo_codes (code, kind, value, currency, valid_until, total_limit,
                                                 per_customer_limit, times_used, active, created_at)
                        VALUES (:code, :kind, :value, :currency, :until, :limit, 1, :used, :active,
                                COALESCE(:created, now()))
                        RETURNING id""")
                .param("code", code).param("kind", kind).param("value", value).param("currency", currency)
                .param("until", ts(until)).param("limit", limit == null || limit < 1 ? null : limit)
                .param("used", timesUsed).param("active", row.flag("is_active", true)).param("created", ts(created))
                .query(Long.class).single();
        run.map("promo", key, id);
        run.report.imported("promo codes");
        run.done();
    }

    private static Instant burnsAt(Instant created, Long value, String unit) {
        if (created == null || value == null || value <= 0 || unit == null) {
            return null;
        }
        return switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "min" -> created.plus(Duration.ofMinutes(value));
            case "hour" -> created.plus(Duration.ofHours(value));
            case "day" -> created.plus(Duration.ofDays(value));
            default -> null;
        };
    }

    /** DM2 setting → ours, for those that mean the same; money settings are roubles there, kopecks here. */
    private void settings() throws Exception {
        Map<String, String> dm2 = new HashMap<>();
        run.source.each("bot_settings", "SELECT key, value FROM bot_settings",
                row -> dm2.put(row.text("key"), row.text("value")));
        Map<String, String> ours = new LinkedHashMap<>();
        put(ours, "general.bot-username", strip(dm2.get("telegram_bot_username"), "@"));
        put(ours, "trial.enabled", dm2.get("trial_enabled"));
        put(ours, "trial.days", wholeDays(dm2.get("trial_duration_days")));
        put(ours, "referral.enabled", dm2.get("enable_referrals"));
        put(ours, "referral.percent", dm2.get("referral_percentage"));
        put(ours, "referral.first-purchase-discount", dm2.get("referral_discount"));
        put(ours, "referral.withdrawal-min", kopecks(dm2.get("minimum_withdrawal")));
        put(ours, "payments.topup-min", kopecks(dm2.get("minimum_topup")));
        put(ours, "payments.yookassa.receipt-email", "example@example.com".equals(dm2.get("receipt_email")) ? null
                : dm2.get("receipt_email"));
        put(ours, "general.support-contact", dm2.get("support_user"));
        put(ours, "general.time-zone", dm2.get("admin_timezone"));
        String domain = dm2.get("global_domain") != null ? dm2.get("global_domain") : dm2.get("domain");
        put(ours, "access.terms-url", domain == null || domain.isBlank() ? null
                : strip(domain.strip(), "/") + "/terms");
        String channel = dm2.get("channel_url");
        if (channel != null && !channel.isBlank() && !"false".equalsIgnoreCase(dm2.get("force_subscription"))) {
            String handle = channel.strip().replaceFirst("^https?://t\\.me/", "");
            put(ours, "access.required-channel", handle.startsWith("@") || handle.contains("/") ? handle
                    : "@" + handle);
        }
        if (run.withSecrets) {
            boolean test = !"false".equalsIgnoreCase(dm2.get("yookassa_test_mode"));
            put(ours, "payments.yookassa.shop-id", dm2.get(test ? "yookassa_test_shop_id" : "yookassa_shop_id"));
            put(ours, "payments.yookassa.secret-key", dm2.get(test ? "yookassa_test_secret_key"
                    : "yookassa_secret_key"));
        } else if (dm2.get("yookassa_secret_key") != null || dm2.get("yookassa_test_secret_key") != null) {
            run.report.note("YooKassa credentials not carried over (run with --with-secrets to carry them)");
        }
        for (Map.Entry<String, String> setting : ours.entrySet()) {
            setting(setting.getKey(), setting.getValue());
        }
    }

    private void setting(String key, String value) throws Exception {
        run.report.found("settings");
        if (run.mapped("setting").containsKey(key)) {
            run.report.alreadyImported("settings");
            return;
        }
        if (run.shop.sql("SELECT count(*) FROM settings WHERE key = :k").param("k", key).query(Long.class)
                .single() > 0) {
            run.map("setting", key, 0);
            run.report.merged("settings", key + ": this shop's own value kept");
            return;
        }
        SettingCatalogue.Checked checked = SettingCatalogue.check(key, value);
        if (checked.error() != null) {
            run.report.skipped("settings", key, "DM2's value \"" + value + "\" " + checked.error());
            return;
        }
        run.shop.sql("""
                        INSERT INTO settings (key, value, value_type, secret, updated_by)
                        VALUES (:key, :value, :type, :secret, 'dm2-import')""")
                .param("key", key).param("value", checked.secret() ? run.cipher.encrypt(checked.value())
                        : checked.value())
                .param("type", checked.valueType()).param("secret", checked.secret()).update();
        run.map("setting", key, 0);
        run.report.imported("settings");
    }

    private static void put(Map<String, String> ours, String key, String value) {
        if (value != null && !value.isBlank()) {
            ours.put(key, value.strip());
        }
    }

    private static String strip(String value, String prefixOrSuffix) {
        if (value == null) {
            return null;
        }
        String result = value.strip();
        if (result.startsWith(prefixOrSuffix)) {
            result = result.substring(prefixOrSuffix.length());
        }
        if (result.endsWith(prefixOrSuffix)) {
            result = result.substring(0, result.length() - prefixOrSuffix.length());
        }
        return result;
    }

    private static String kopecks(String roubles) {
        Roubles value = roubles == null ? null : Roubles.of(roubles);
        return value == null ? null : Long.toString(value.kopecks());
    }

    private static String wholeDays(String days) {
        Roubles value = days == null ? null : Roubles.of(days);
        return value == null ? null : Long.toString(Math.max(1, value.whole()));
    }
}
