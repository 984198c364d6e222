package dev.darkmaximus.dm2import;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who used which promo code in DM2: a use per customer here too, so a code DM2 let each customer use once can't be
 * used a second time after the move. DM2 never linked a use to its payment, so these uses have no order and no
 * saved sum. Uses of a code this shop already had count against its limit per customer, not its total.
 */
final class PromoUsePass {

    private static final String KIND = "promo uses";

    /** One DM2 use: the code, the customer's Telegram id, when. */
    private record Use(String key, String code, long promo, String telegramId, Instant at) {
    }

    private final ImportRun run;
    private final List<Use> pending = new ArrayList<>();

    PromoUsePass(ImportRun run) {
        this.run = run;
    }

    void run() throws Exception {
        if (!run.source.has("promo_codes")) {
            return;
        }
        // 'used' is a use paid for; 'applied' only attached a code that the customer never paid with.
        run.source.each("promo_code_usage", """
                SELECT u.user_id, p.code, u.used_at FROM promo_code_usage u
                JOIN promo_codes p ON p.promo_id = u.promo_id
                WHERE u.status = 'used' ORDER BY u.usage_id""", this::use);
        flush();
    }

    private void use(Dm2Source.Row row) throws Exception {
        run.report.found(KIND);
        String code = row.text("code") == null ? "" : row.text("code").strip().toUpperCase(Locale.ROOT);
        Long telegramId = row.number("user_id");
        Long promo = run.mapped("promo").get(code);
        if (promo == null || telegramId == null) {
            run.report.skipped(KIND, code + " by " + row.text("user_id"), promo == null
                    ? "the code was not imported" : "no Telegram id");
            return;
        }
        pending.add(new Use(code + "/" + telegramId, code, promo, telegramId.toString(),
                run.times.utc(row.text("used_at")))); // SQLite's CURRENT_TIMESTAMP: UTC
        if (pending.size() >= ImportRun.BATCH) {
            flush();
        }
    }

    private void flush() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Long> earlier = run.lookup("promo-use", pending.stream().map(Use::key).toList());
        Map<String, Long> customers = run.lookup("customer", pending.stream().map(Use::telegramId).toList());
        List<Use> fresh = new ArrayList<>();
        List<Long> owners = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (Use use : pending) {
            Long customer = customers.get(use.telegramId());
            if (earlier.containsKey(use.key()) || !inBatch.add(use.key())) {
                run.report.alreadyImported(KIND);
            } else if (customer == null) {
                run.report.skipped(KIND, use.key(), "its customer " + use.telegramId() + " is not a DM2 customer");
            } else {
                fresh.add(use);
                owners.add(customer);
            }
        }
        if (!fresh.isEmpty()) {
            int written = run.shop.sql("""
                            WITH i AS (
                                SELECT * FROM unnest(CAST(:promo AS BIGINT[]), CAST(:customer AS BIGINT[]),
                                                     CAST(:at AS TIMESTAMPTZ[]), CAST(:key AS TEXT[]))
                                    AS i(promo, customer, at, key)),
                            r AS (
                                INSERT INTO promo_redemptions (promo_code_id, customer_id, order_id, saved_minor,
                                                               currency, over_limit, redeemed_at)
                                SELECT promo, customer, NULL, 0, NULL, FALSE, COALESCE(at, now()) FROM i
                                RETURNING id, promo_code_id, customer_id)
                            INSERT INTO dm2_import_map (kind, source_key, target_id)
                            SELECT 'promo-use', i.key, r.id FROM r
                            JOIN i ON i.promo = r.promo_code_id AND i.customer = r.customer_id""")
                    .param("promo", fresh.stream().map(Use::promo).toArray(Long[]::new))
                    .param("customer", owners.toArray(Long[]::new))
                    .param("at", ImportRun.instants(fresh, Use::at))
                    .param("key", fresh.stream().map(Use::key).toArray(String[]::new))
                    .update();
            for (int i = 0; i < written; i++) {
                run.report.imported(KIND);
            }
        }
        pending.clear();
        run.commit();
    }
}
