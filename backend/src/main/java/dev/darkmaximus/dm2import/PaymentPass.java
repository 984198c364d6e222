package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.ts;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    private final CatalogPass catalog;
    private final KeyPass keys;
    private final Map<String, Long> notCarried = new TreeMap<>();

    PaymentPass(ImportRun run, CatalogPass catalog, KeyPass keys) {
        this.run = run;
        this.catalog = catalog;
        this.keys = keys;
    }

    void run() throws Exception {
        run.source.each("transactions", "SELECT * FROM transactions WHERE status = 'paid' ORDER BY transaction_id",
                this::payment);
        run.commit();
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
        Long customer = run.mapped("customer").get(String.valueOf(row.number("user_id")));
        if (customer == null) {
            run.report.skipped("payments", source, "its payer " + row.text("user_id") + " is not a DM2 customer");
            return;
        }
        JsonNode metadata = metadata(row.text("metadata"));
        String kind;
        Long plan = null;
        Long key = null;
        if ("topup".equals(text(metadata, "operation"))) {
            kind = "TOP_UP";
        } else {
            Long dm2Plan = number(metadata, "plan_id");
            plan = dm2Plan == null ? null : catalog.plansById.get(dm2Plan.toString());
            if (plan == null) {
                plan = catalog.plansByName.get(CatalogPass.planKey(text(metadata, "host_name"),
                        text(metadata, "plan_name")));
            }
            Long dm2Key = number(metadata, "key_id");
            key = dm2Key == null ? null : keys.keysById.get(dm2Key.toString());
            kind = "extend".equals(text(metadata, "action")) && key != null ? "EXTEND_KEY" : "NEW_KEY";
            if (plan == null) {
                run.report.skipped("payments", source, "a purchase of a plan this shop doesn't have ("
                        + text(metadata, "plan_name") + "); its " + amount.shown() + " ₽ are in the total spent");
                return;
            }
        }
        Instant paid = run.times.moscow(row.text("created_date"));
        if (paid == null) {
            paid = run.clock.instant();
        }
        // One round trip: order, payment, its transition and the map row, unless the payment is already here.
        Optional<Long> payment = run.shop.sql("""
                        WITH o AS (
                            INSERT INTO orders (id, kind, customer_id, plan_id, key_id, amount_minor, currency,
                                                base_minor, payment_method, status, idempotency_key, expires_at,
                                                paid_at, fulfilled_at, created_at, updated_at)
                            SELECT COALESCE(CAST(:orderId AS BIGINT), nextval('orders_id_seq')),
                                   CAST(:kind AS VARCHAR), CAST(:customer AS BIGINT), CAST(:plan AS BIGINT),
                                   CAST(:key AS BIGINT), CAST(:amount AS BIGINT), 'RUB', CAST(:amount AS BIGINT),
                                   CAST(:provider AS VARCHAR), 'FULFILLED', CAST(:idem AS VARCHAR),
                                   CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ),
                                   CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ)
                            WHERE NOT EXISTS (SELECT 1 FROM payments
                                              WHERE provider = :provider AND provider_payment_id = :id)
                            RETURNING id),
                        p AS (
                            INSERT INTO payments (id, order_id, provider, provider_payment_id, amount_minor,
                                                  currency, status, payer_telegram_id, succeeded_at, created_at,
                                                  updated_at)
                            SELECT COALESCE(CAST(:paymentId AS BIGINT), nextval('payments_id_seq')), o.id,
                                   :provider, :id, :amount, 'RUB', 'SUCCEEDED', CAST(:payer AS BIGINT),
                                   CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ), CAST(:at AS TIMESTAMPTZ) FROM o
                            RETURNING id),
                        t AS (
                            INSERT INTO payment_transitions (payment_id, from_status, to_status, source, detail,
                                                             created_at)
                            SELECT p.id, NULL, 'SUCCEEDED', 'dm2-import', :detail, CAST(:at AS TIMESTAMPTZ) FROM p)
                        INSERT INTO dm2_import_map (kind, source_key, target_id) SELECT 'payment', :id, p.id FROM p
                        RETURNING target_id""")
                .param("kind", kind).param("customer", customer).param("plan", plan)
                .param("key", "EXTEND_KEY".equals(kind) ? key : null).param("amount", amount.kopecks())
                .param("provider", provider).param("idem", "dm2:" + paymentId).param("at", ts(paid))
                .param("id", paymentId).param("payer", row.number("user_id"))
                .param("detail", "Paid in Dark Maximus 2 with " + method)
                // A dry run's stand-in ids: order numbers are what customers see, none may be used up by it.
                .param("orderId", run.standInId()).param("paymentId", run.standInId())
                .query(Long.class).optional();
        if (payment.isEmpty()) {
            if (run.shop.sql("SELECT count(*) FROM dm2_import_map WHERE kind = 'payment' AND source_key = :id")
                    .param("id", paymentId).query(Long.class).single() > 0) {
                run.report.alreadyImported("payments");
            } else {
                run.report.merged("payments", source + " is already a payment here");
            }
            return;
        }
        run.report.payment(amount.kopecks());
        run.report.imported("payments");
        run.done();
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
