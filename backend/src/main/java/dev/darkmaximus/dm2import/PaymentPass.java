package dev.darkmaximus.dm2import;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * DM2's paid transactions as historic orders and payments: already fulfilled, so nothing acts on them again; they
 * count in the customers' totals and the dashboard. A payment method we don't have (TON Connect, Heleket) is not
 * made into one of ours: the report lists those with their sums.
 */
final class PaymentPass {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImportRun run;
    private final ImportRun.Statistics statistics;
    private final CatalogPass catalog;
    private final Map<String, Long> notCarried = new TreeMap<>();

    PaymentPass(ImportRun run, CatalogPass catalog) {
        this.run = run;
        this.statistics = run.statistics("orders", "payments", "payment_transitions", "dm2_import_map");
        this.catalog = catalog;
    }

    void run() throws Exception {
        run.source.each("transactions", "SELECT * FROM transactions WHERE status = 'paid' ORDER BY transaction_id",
                this::payment);
        flush();
        notCarried.forEach((method, kopecks) -> run.report.note("paid with " + method + ": "
                + Roubles.kopecksShown(kopecks) + " ₽ in all, not made into payments (no such method here); in the "
                + "customers' total spent"));
    }

    private void payment(Dm2Source.Row row) throws Exception {
        run.report.found("payments");
        String paymentId = row.text("payment_id");
        String source = "#" + row.text("transaction_id") + " " + paymentId;
        // Not held in memory (a big shop has hundreds of thousands): the insert below skips a payment already here.
        if (paymentId == null || paymentId.isBlank() || paymentId.length() > 96) {
            run.report.skipped("payments", source, "its payment id is empty or longer than 96 characters");
            return;
        }
        String method = row.text("payment_method") == null ? "" : row.text("payment_method").strip();
        String provider = switch (method.toLowerCase(Locale.ROOT)) {
            case "yookassa" -> "YOOKASSA";
            case "stars" -> "STARS";
            case "cryptobot" -> "CRYPTOBOT";
            case "balance", "из баланса", "auto-renewal" -> "BALANCE";
            default -> null;
        };
        Roubles amount = Roubles.of(row.get("amount_rub"));
        if (amount == null || amount.kopecks() <= 0) {
            run.report.skipped("payments", source, "no money (" + method + ", " + row.text("amount_rub") + " ₽)");
            return;
        }
        run.report.amount("payment " + source, amount);
        if (provider == null) {
            notCarried.merge(method.isEmpty() ? "an unknown method" : method, amount.kopecks(), Long::sum);
            run.report.skipped("payments", source, "method \"" + method + "\" does not exist here");
            return;
        }
        JsonNode metadata = metadata(row.text("metadata"));
        boolean topUp = "topup".equals(text(metadata, "operation"));
        Long plan = null;
        Long dm2Key = null;
        if (!topUp) {
            Long dm2Plan = number(metadata, "plan_id");
            plan = dm2Plan == null ? null : catalog.plansById.get(dm2Plan.toString());
            if (plan == null) {
                plan = catalog.plansByName.get(CatalogPass.planKey(text(metadata, "host_name"),
                        text(metadata, "plan_name")));
            }
            // The key an extension was for, when DM2 noted it; a purchase of a new key names none we can use.
            dm2Key = "extend".equals(text(metadata, "action")) ? number(metadata, "key_id") : null;
            if (plan == null) {
                run.report.skipped("payments", source, "a purchase of a plan this shop doesn't have ("
                        + text(metadata, "plan_name") + "); its " + amount.shown() + " ₽ are in the total spent");
                return;
            }
        }
        Instant paid = run.times.moscow(row.text("created_date"));
        Long payer = row.number("user_id");
        pending.add(new Candidate(paymentId, source, provider, topUp, payer == null ? row.text("user_id")
                : payer.toString(), plan, dm2Key == null ? null : dm2Key.toString(), amount.kopecks(),
                paid == null ? run.clock.instant() : paid, payer, "Paid in Dark Maximus 2 with " + method, 0, null));
        if (pending.size() >= ImportRun.BATCH) {
            flush();
        }
    }

    /**
     * A paid DM2 transaction as it will be written, unless the shop holds that payment already; its customer and key
     * are found batch by batch (DM2's ids are in {@code payerKey} and {@code dm2Key}).
     */
    private record Candidate(String paymentId, String source, String provider, boolean topUp, String payerKey,
                             Long plan, String dm2Key, long amount, Instant paid, Long payer, String detail,
                             long customer, Long key) {
        Candidate with(long customerId, Long keyId) {
            return new Candidate(paymentId, source, provider, topUp, payerKey, plan, dm2Key, amount, paid, payer,
                    detail, customerId, keyId);
        }

        String kind() {
            return topUp ? "TOP_UP" : key != null ? "EXTEND_KEY" : "NEW_KEY";
        }
    }

    private final List<Candidate> pending = new ArrayList<>();

    /**
     * A batch of payments: which an earlier run imported (one query), then one statement for the order, payment,
     * its transition and the map row of each, skipping a payment the shop already holds; then one commit.
     */
    private void flush() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> earlier = run.lookup("payment", pending.stream().map(Candidate::paymentId).toList()).keySet();
        Map<String, Long> payers = run.lookup("customer", pending.stream().map(Candidate::payerKey)
                .filter(Objects::nonNull).toList());
        Map<String, Long> keys = keys();
        Set<String> inBatch = new HashSet<>();
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate c : pending) {
            Long customer = c.payerKey() == null ? null : payers.get(c.payerKey());
            if (earlier.contains(c.paymentId())) {
                run.report.alreadyImported("payments");
            } else if (customer == null) {
                run.report.skipped("payments", c.source(), "its payer " + c.payerKey() + " is not a DM2 customer");
            } else if (!inBatch.add(c.provider() + "/" + c.paymentId())) {
                run.report.merged("payments", c.source() + " is already a payment here");
            } else {
                fresh.add(c.with(customer, c.dm2Key() == null ? null : keys.get(c.dm2Key())));
            }
        }
        Set<String> inserted = insert(fresh);
        for (Candidate c : fresh) {
            if (inserted.contains(c.paymentId())) {
                run.report.payment(c.amount());
                run.report.imported("payments");
            } else {
                run.report.merged("payments", c.source() + " is already a payment here");
            }
        }
        statistics.written(pending.size());
        pending.clear();
        run.commit();
    }

    /** Our keys of the DM2 keys this batch's extensions name: DM2's id → its host and email → the map. */
    private Map<String, Long> keys() throws Exception {
        String ids = pending.stream().map(Candidate::dm2Key).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(","));
        Map<String, String> mapKeys = new HashMap<>();
        if (!ids.isEmpty()) {
            // Only numbers go into the list (they were parsed as such), so it can be written into the query.
            run.source.each("vpn_keys", "SELECT key_id, host_name, key_email FROM vpn_keys WHERE key_id IN (" + ids
                    + ")", row -> mapKeys.put(String.valueOf(row.number("key_id")),
                    KeyPass.mapKey(row.text("host_name"), row.text("key_email"))));
        }
        Map<String, Long> mapped = run.lookup("key", mapKeys.values());
        Map<String, Long> byDm2Id = new HashMap<>();
        mapKeys.forEach((dm2Id, mapKey) -> {
            Long id = mapped.get(mapKey);
            if (id != null) {
                byDm2Id.put(dm2Id, id);
            }
        });
        return byDm2Id;
    }

    private Set<String> insert(List<Candidate> fresh) {
        if (fresh.isEmpty()) {
            return Set.of();
        }
        // A dry run's stand-in ids: order numbers are what customers see, none may be used up by it.
        Long[] orderIds = fresh.stream().map(c -> run.standInId()).toArray(Long[]::new);
        Long[] paymentIds = fresh.stream().map(c -> run.standInId()).toArray(Long[]::new);
        Set<String> inserted = new HashSet<>();
        run.shop.sql("""
                        WITH i AS (
                            SELECT * FROM unnest(CAST(:orderId AS BIGINT[]), CAST(:paymentId AS BIGINT[]),
                                                 CAST(:kind AS TEXT[]), CAST(:customer AS BIGINT[]),
                                                 CAST(:plan AS BIGINT[]), CAST(:key AS BIGINT[]),
                                                 CAST(:amount AS BIGINT[]), CAST(:provider AS TEXT[]),
                                                 CAST(:id AS TEXT[]), CAST(:at AS TIMESTAMPTZ[]),
                                                 CAST(:payer AS BIGINT[]), CAST(:detail AS TEXT[]))
                                AS i(order_id, payment_id, kind, customer, plan, key, amount, provider, id, at, payer,
                                     detail)
                            WHERE NOT EXISTS (SELECT 1 FROM payments p
                                              WHERE p.provider = i.provider AND p.provider_payment_id = i.id)),
                        o AS (
                            INSERT INTO orders (id, kind, customer_id, plan_id, key_id, amount_minor, currency,
                                                base_minor, payment_method, status, idempotency_key, expires_at,
                                                paid_at, fulfilled_at, created_at, updated_at)
                            SELECT COALESCE(order_id, nextval('orders_id_seq')), kind, customer, plan, key, amount,
                                   'RUB', amount, provider, 'FULFILLED', 'dm2:' || id, at, at, at, at, at
                            FROM i
                            RETURNING id, customer_id, idempotency_key),
                        p AS (
                            INSERT INTO payments (id, order_id, provider, provider_payment_id, amount_minor,
                                                  currency, status, payer_telegram_id, succeeded_at, created_at,
                                                  updated_at)
                            SELECT COALESCE(i.payment_id, nextval('payments_id_seq')), o.id, i.provider, i.id,
                                   i.amount, 'RUB', 'SUCCEEDED', i.payer, i.at, i.at, i.at
                            FROM o JOIN i ON o.customer_id = i.customer AND o.idempotency_key = 'dm2:' || i.id
                            RETURNING id, provider_payment_id, created_at),
                        t AS (
                            INSERT INTO payment_transitions (payment_id, from_status, to_status, source, detail,
                                                             created_at)
                            SELECT p.id, NULL, 'SUCCEEDED', 'dm2-import', i.detail, p.created_at
                            FROM p JOIN i ON i.id = p.provider_payment_id)
                        INSERT INTO dm2_import_map (kind, source_key, target_id)
                        SELECT 'payment', provider_payment_id, id FROM p
                        RETURNING source_key""")
                .param("orderId", orderIds).param("paymentId", paymentIds)
                .param("kind", fresh.stream().map(Candidate::kind).toArray(String[]::new))
                .param("customer", fresh.stream().map(Candidate::customer).toArray(Long[]::new))
                .param("plan", fresh.stream().map(Candidate::plan).toArray(Long[]::new))
                .param("key", fresh.stream().map(Candidate::key).toArray(Long[]::new))
                .param("amount", fresh.stream().map(Candidate::amount).toArray(Long[]::new))
                .param("provider", fresh.stream().map(Candidate::provider).toArray(String[]::new))
                .param("id", fresh.stream().map(Candidate::paymentId).toArray(String[]::new))
                .param("at", ImportRun.instants(fresh, Candidate::paid))
                .param("payer", fresh.stream().map(Candidate::payer).toArray(Long[]::new))
                .param("detail", fresh.stream().map(Candidate::detail).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    inserted.add(rs.getString(1));
                });
        return inserted;
    }

    /** DM2's metadata column: JSON written by Python; anything unreadable reads as empty. */
    private static JsonNode metadata(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.isContainer() ? null : value.asString();
    }

    private static Long number(JsonNode json, String field) {
        String value = text(json, field);
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
