package dev.darkmaximus.dm2import;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DM2's main and referral balances become the opening entries of our ledger (an entry each, so the balance is still
 * the sum of its entries). A customer the shop already had gets DM2's balances added to theirs, once.
 */
final class BalancePass {

    private static final String OPENING = "Opening balance from Dark Maximus 2";

    private final ImportRun run;
    private final ImportRun.Statistics statistics;

    BalancePass(ImportRun run) {
        this.run = run;
        this.statistics = run.statistics("balance_accounts", "balance_entries", "dm2_import_map");
    }

    void run() throws Exception {
        run.source.each("users", "SELECT telegram_id, balance, referral_balance FROM users ORDER BY telegram_id",
                this::money);
        flushMoney();
    }

    /** One DM2 user's two balances; {@code mainKopecks}/{@code referralKopecks} are filled in as they are credited. */
    private static final class Money {
        final String key;
        final long telegramId;
        final Roubles main;
        final Roubles referral;
        /** DM2's values, when one of them is not an amount. */
        final String unreadable;
        long customer;
        long mainKopecks;
        long referralKopecks;

        Money(String key, long telegramId, Roubles main, Roubles referral, String unreadable) {
            this.key = key;
            this.telegramId = telegramId;
            this.main = main;
            this.referral = referral;
            this.unreadable = unreadable;
        }
    }

    /** An opening entry to write: whose, which account, how much, and where its credited amount goes. */
    private record Opening(Money owner, String account, String kind, Roubles amount) {
    }

    private final List<Money> balances = new ArrayList<>();

    private void money(Dm2Source.Row row) throws Exception {
        Long telegramId = row.number("telegram_id");
        if (telegramId == null) {
            return;
        }
        Roubles main = Roubles.of(row.get("balance"));
        Roubles referral = Roubles.of(row.get("referral_balance"));
        boolean unreadable = main == null && row.get("balance") != null
                || referral == null && row.get("referral_balance") != null;
        balances.add(new Money(telegramId.toString(), telegramId, main, referral, unreadable
                ? "\"" + row.text("balance") + "\", \"" + row.text("referral_balance") + "\"" : null));
        if (balances.size() >= ImportRun.BATCH) {
            flushMoney();
        }
    }

    /**
     * A batch of balances: what earlier runs credited is read in one query, what is new is credited in one statement
     * (account, entry and map row together); then each customer's line of the report, in DM2's order.
     */
    private void flushMoney() throws Exception {
        Map<String, Long> customers = run.lookup("customer", balances.stream().map(m -> m.key).toList());
        balances.removeIf(m -> !customers.containsKey(m.key));
        if (balances.isEmpty()) {
            return;
        }
        List<String> keys = balances.stream().map(m -> m.key).toList();
        Map<String, Map<String, Long>> byEarlierRuns = Map.of("balance", run.lookup("balance", keys),
                "referral", run.lookup("referral", keys));
        List<Opening> fresh = new ArrayList<>();
        Map<Long, Opening> earlier = new HashMap<>();
        for (Money m : balances) {
            m.customer = customers.get(m.key);
            if (m.unreadable != null) {
                run.report.problem("customers", m.key, "a balance that is not an amount (" + m.unreadable
                        + "): not imported");
            }
            for (Opening o : List.of(new Opening(m, "MAIN", "balance", m.main),
                    new Opening(m, "REFERRAL", "referral", m.referral))) {
                String what = o.account().equals("MAIN") ? "balance" : "referral balance";
                if (o.amount() == null || o.amount().kopecks() == 0) {
                    continue;
                }
                run.report.amount("customer " + m.key + " " + what, o.amount());
                if (o.amount().kopecks() < 0) {
                    run.report.problem("customers", m.key, what + " is negative (" + o.amount().shown()
                            + "): not imported");
                    continue;
                }
                Long entry = byEarlierRuns.get(o.kind()).get(m.key);
                if (entry != null) {
                    earlier.put(entry, o);
                } else {
                    // Not written in a dry run: its one transaction lasts minutes, and the row lock on a
                    // customer's account would hold up their purchases in the running shop until it ends.
                    credited(o, o.amount().kopecks());
                    if (!run.dryRun()) {
                        fresh.add(o);
                    }
                }
            }
        }
        checkEarlier(earlier);
        credit(fresh);
        for (Money m : balances) {
            run.report.money(m.telegramId, m.main, m.mainKopecks, m.referral, m.referralKopecks);
        }
        statistics.written(balances.size());
        balances.clear();
        run.commit();
    }

    private static void credited(Opening o, long kopecks) {
        if (o.account().equals("MAIN")) {
            o.owner().mainKopecks = kopecks;
        } else {
            o.owner().referralKopecks = kopecks;
        }
    }

    /** What the ledger holds from the run that credited it, which DM2 may no longer match. */
    private void checkEarlier(Map<Long, Opening> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        Map<Long, Long> amounts = new HashMap<>();
        run.shop.sql("SELECT id, amount_minor FROM balance_entries WHERE id = ANY(CAST(:ids AS BIGINT[]))")
                .param("ids", earlier.keySet().toArray(Long[]::new)).query((ResultSet rs) -> {
                    amounts.put(rs.getLong(1), rs.getLong(2));
                });
        earlier.forEach((entry, o) -> {
            long credited = amounts.getOrDefault(entry, 0L);
            credited(o, credited);
            if (credited != o.amount().kopecks()) {
                String what = o.account().equals("MAIN") ? "balance" : "referral balance";
                run.report.problem("customers", o.owner().key, what + " is " + o.amount().shown()
                        + " in DM2 now, but " + Roubles.kopecksShown(credited) + " was credited by an earlier run: "
                        + "not changed");
            }
        });
    }

    /**
     * Opening entries, one per account: an account the customer already has (a merged customer) is credited on
     * top of what it holds, and the entry's balance after says so, as every ledger entry does.
     */
    private void credit(List<Opening> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        run.shop.sql("""
                        WITH i AS (
                            SELECT * FROM unnest(CAST(:customer AS BIGINT[]), CAST(:account AS TEXT[]),
                                                 CAST(:amount AS BIGINT[]), CAST(:reason AS TEXT[]),
                                                 CAST(:kind AS TEXT[]), CAST(:key AS TEXT[]))
                                AS i(customer, account, amount, reason, kind, key)),
                        a AS (
                            INSERT INTO balance_accounts (customer_id, account, currency, balance_minor)
                            SELECT customer, account, 'RUB', amount FROM i
                            ON CONFLICT (customer_id, account, currency) DO UPDATE
                                SET balance_minor = balance_accounts.balance_minor + EXCLUDED.balance_minor,
                                    updated_at = now(), version = balance_accounts.version + 1
                            RETURNING id, customer_id, account, balance_minor),
                        e AS (
                            INSERT INTO balance_entries (account_id, customer_id, amount_minor, currency, kind,
                                                         reference_type, reason, balance_after_minor, created_by)
                            SELECT a.id, a.customer_id, i.amount, 'RUB', 'ADMIN_ADJUSTMENT', 'dm2', i.reason,
                                   a.balance_minor, 'dm2-import'
                            FROM a JOIN i ON i.customer = a.customer_id AND i.account = a.account
                            RETURNING id, account_id)
                        INSERT INTO dm2_import_map (kind, source_key, target_id)
                        SELECT i.kind, i.key, e.id
                        FROM e JOIN a ON a.id = e.account_id JOIN i ON i.customer = a.customer_id
                                                                   AND i.account = a.account""")
                .param("customer", fresh.stream().map(o -> o.owner().customer).toArray(Long[]::new))
                .param("account", fresh.stream().map(Opening::account).toArray(String[]::new))
                .param("amount", fresh.stream().map(o -> o.amount().kopecks()).toArray(Long[]::new))
                .param("reason", fresh.stream().map(o -> OPENING + " (" + o.amount().shown() + " ₽)")
                        .toArray(String[]::new))
                .param("kind", fresh.stream().map(Opening::kind).toArray(String[]::new))
                .param("key", fresh.stream().map(o -> o.owner().key).toArray(String[]::new))
                .update();
    }
}
