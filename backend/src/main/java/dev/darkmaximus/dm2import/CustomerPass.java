package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.clip;
import static dev.darkmaximus.dm2import.CatalogPass.ts;

import java.time.Instant;

/**
 * Customers, their referrers and group, and their money: DM2's main and referral balances become the opening
 * entries of our ledger (an entry each, so the balance is still the sum of its entries). A customer the shop already
 * has (same Telegram id) keeps their data; DM2's balances are added to theirs once.
 */
final class CustomerPass {

    private static final String OPENING = "Opening balance from Dark Maximus 2";

    private final ImportRun run;
    private final CatalogPass catalog;
    private final long defaultGroup;

    CustomerPass(ImportRun run, CatalogPass catalog) {
        this.run = run;
        this.catalog = catalog;
        this.defaultGroup = run.shop.sql("SELECT id FROM customer_groups WHERE is_default").query(Long.class)
                .single();
    }

    void run() throws Exception {
        if (!run.dryRun()) {
            // DM2's numbers must not come out of the sequence for someone who signs up while the import runs: the
            // sequence is moved past the largest first (outside any transaction, as sequences are; a dry run
            // leaves it alone).
            run.source.each("users", "SELECT max(user_id) AS top FROM users", row -> {
                Long top = row.number("top");
                if (top != null && top > 0) {
                    run.shop.sql("""
                                    SELECT setval('customer_number_seq', :n)
                                    WHERE :n >= (SELECT last_value FROM customer_number_seq)""")
                            .param("n", top).query(Long.class).optional();
                }
            });
        }
        run.source.each("users", "SELECT * FROM users ORDER BY telegram_id", this::customer);
        run.commit();
        run.source.each("users", "SELECT telegram_id, referred_by FROM users WHERE referred_by IS NOT NULL",
                this::referrer);
        run.commit();
        run.source.each("users", "SELECT telegram_id, balance, referral_balance FROM users ORDER BY telegram_id",
                this::money);
        run.commit();
    }

    private void customer(Dm2Source.Row row) throws Exception {
        run.report.found("customers");
        Long telegramId = row.number("telegram_id");
        if (telegramId == null || telegramId <= 0) {
            run.report.skipped("customers", String.valueOf(row.text("telegram_id")), "no Telegram id");
            return;
        }
        String key = telegramId.toString();
        if (run.mapped("customer").containsKey(key)) {
            run.report.alreadyImported("customers");
            return;
        }
        Long number = row.number("user_id");
        Lookup found = run.shop.sql("""
                        SELECT (SELECT id FROM customers WHERE telegram_id = :t) AS existing,
                               EXISTS (SELECT 1 FROM customers WHERE number = :n) AS taken""")
                .param("t", telegramId).param("n", number == null ? -1L : number)
                .query((rs, n) -> new Lookup((Long) rs.getObject("existing"), rs.getBoolean("taken"))).single();
        if (found.existing() != null) {
            run.map("customer", key, found.existing());
            run.report.merged("customers", telegramId + " into the customer with that Telegram id (their data kept)");
            run.done();
            return;
        }
        if (number == null || number <= 0 || found.taken()) {
            if (number != null) {
                run.report.problem("customers", key, "DM2 number " + number + " is taken here: a new number given");
            }
            // A dry run must not use up numbers of the sequence: a stand-in that the rollback removes.
            number = run.dryRun() ? -telegramId
                    : run.shop.sql("SELECT nextval('customer_number_seq')").query(Long.class).single();
        }
        Instant registered = run.times.serverLocal(row.text("registration_date"));
        if (registered == null) {
            registered = run.clock.instant();
        }
        boolean banned = row.flag("is_banned", false);
        String username = clip(row.text("username"), 64);
        String fullName = clip(row.text("fullname"), 128);
        if (username != null && username.equals(row.text("fullname"))) {
            username = null; // DM2 stores the full name as the username of a user who has none
        }
        if (username != null && username.startsWith("@")) {
            username = username.substring(1);
        }
        String timeZone = row.text("timezone");
        Long dm2Group = row.number("group_id");
        Long group = dm2Group == null ? null : catalog.groupsById.get(dm2Group.toString());
        Long[] groups = group != null && group != defaultGroup ? new Long[] {defaultGroup, group}
                : new Long[] {defaultGroup};
        Roubles spent = Roubles.of(row.get("total_spent"));
        if (spent != null && spent.kopecks() > 0) {
            run.report.amount("customer " + key + " total spent", spent);
        }
        // One round trip: the customer, their groups, their total spent and the map row.
        long id = run.shop.sql("""
                        WITH c AS (
                            INSERT INTO customers (number, telegram_id, username, first_name, time_zone, email,
                                                   registered_at, terms_accepted_at, banned, ban_reason, banned_at,
                                                   trial_used, auto_renew_default, notes, created_at)
                            VALUES (:number, :telegram, :username, :first, :zone, :email, :registered, :terms,
                                    :banned, :reason, :bannedAt, :trial, :renew, :notes, :registered)
                            RETURNING id),
                        g AS (
                            INSERT INTO customer_group_members (customer_id, group_id)
                            SELECT c.id, x FROM c, unnest(CAST(:groups AS BIGINT[])) AS x),
                        s AS (
                            INSERT INTO customer_totals (customer_id, currency, total_spent_minor)
                            SELECT c.id, 'RUB', CAST(:spent AS BIGINT) FROM c WHERE CAST(:spent AS BIGINT) > 0),
                        m AS (
                            INSERT INTO dm2_import_map (kind, source_key, target_id)
                            SELECT 'customer', :key, c.id FROM c)
                        SELECT id FROM c""")
                .param("number", number).param("telegram", telegramId).param("username", username)
                .param("first", fullName).param("zone", validZone(timeZone))
                .param("email", clip(row.text("email"), 254))
                .param("registered", ts(registered))
                .param("terms", row.flag("agreed_to_terms", false) ? ts(registered) : null)
                .param("banned", banned).param("reason", banned ? "Banned in Dark Maximus 2" : null)
                .param("bannedAt", banned ? ts(run.clock.instant()) : null)
                .param("trial", row.flag("trial_used", false))
                .param("renew", row.flag("auto_renewal_enabled", true))
                .param("notes", clip(row.text("fio"), 500) == null ? null : "FIO: " + clip(row.text("fio"), 500))
                .param("groups", groups).param("spent", spent == null ? 0L : Math.max(0, spent.kopecks()))
                .param("key", key)
                .query(Long.class).single();
        run.mapped("customer").put(key, id);
        run.report.imported("customers");
        run.done();
    }

    private record Lookup(Long existing, boolean taken) {
    }

    private static String validZone(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return java.time.ZoneId.of(zone.strip()).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private void referrer(Dm2Source.Row row) throws Exception {
        String key = row.text("telegram_id");
        if (run.mapped("referrer").containsKey(key)) {
            return;
        }
        Long customer = run.mapped("customer").get(key);
        Long referrer = run.mapped("customer").get(String.valueOf(row.number("referred_by")));
        if (customer == null) {
            return;
        }
        if (referrer == null || referrer.equals(customer)) {
            run.report.problem("customers", key, "referred by " + row.text("referred_by")
                    + ", who is not a DM2 customer: no referrer");
            return;
        }
        // Never over a referrer the shop already has; DM2's chains are kept as they are.
        run.shop.sql("UPDATE customers SET referrer_id = :r WHERE id = :c AND referrer_id IS NULL")
                .param("r", referrer).param("c", customer).update();
        run.map("referrer", key, referrer);
        run.done();
    }

    private void money(Dm2Source.Row row) throws Exception {
        String key = row.text("telegram_id");
        Long customer = run.mapped("customer").get(key);
        if (customer == null) {
            return;
        }
        Roubles main = Roubles.of(row.get("balance"));
        Roubles referral = Roubles.of(row.get("referral_balance"));
        if (main == null && row.get("balance") != null || referral == null && row.get("referral_balance") != null) {
            run.report.problem("customers", key, "a balance that is not an amount (\"" + row.text("balance")
                    + "\", \"" + row.text("referral_balance") + "\"): not imported");
        }
        long mainImported = opening(customer, key, "MAIN", main, "balance");
        long referralImported = opening(customer, key, "REFERRAL", referral, "referral balance");
        run.report.money(row.number("telegram_id"), main, mainImported, referral, referralImported);
    }

    /** One opening ledger entry; returns the kopecks it credited (by this run or an earlier one). */
    private long opening(long customer, String key, String account, Roubles amount, String what) throws Exception {
        if (amount == null || amount.kopecks() == 0) {
            return 0;
        }
        String kind = "MAIN".equals(account) ? "balance" : "referral";
        run.report.amount("customer " + key + " " + what, amount);
        if (amount.kopecks() < 0) {
            run.report.problem("customers", key, what + " is negative (" + amount.shown() + "): not imported");
            return 0;
        }
        Long earlier = run.mapped(kind).get(key);
        if (earlier != null) {
            // What the ledger holds from the run that credited it, which DM2 may no longer match.
            long credited = run.shop.sql("SELECT amount_minor FROM balance_entries WHERE id = :id")
                    .param("id", earlier).query(Long.class).optional().orElse(0L);
            if (credited != amount.kopecks()) {
                run.report.problem("customers", key, what + " is " + amount.shown() + " in DM2 now, but "
                        + Roubles.kopecksShown(credited) + " was credited by an earlier run: not changed");
            }
            return credited;
        }
        if (run.dryRun()) {
            // Not written in a dry run: its one transaction lasts minutes, and the row lock on a customer's account
            // would hold up their purchases in the running shop until it ends.
            return amount.kopecks();
        }
        long accountId = run.shop.sql("""
                        INSERT INTO balance_accounts (customer_id, account, currency) VALUES (:c, :a, 'RUB')
                        ON CONFLICT (customer_id, account, currency) DO UPDATE SET updated_at = now()
                        RETURNING id""")
                .param("c", customer).param("a", account).query(Long.class).single();
        long after = run.shop.sql("""
                        UPDATE balance_accounts SET balance_minor = balance_minor + :amount, updated_at = now(),
                               version = version + 1
                        WHERE id = :id RETURNING balance_minor""")
                .param("amount", amount.kopecks()).param("id", accountId).query(Long.class).single();
        long entry = run.shop.sql("""
                        INSERT INTO balance_entries (account_id, customer_id, amount_minor, currency, kind,
                                                     reference_type, reason, balance_after_minor, created_by)
                        VALUES (:account, :customer, :amount, 'RUB', 'ADMIN_ADJUSTMENT', 'dm2', :reason, :after,
                                'dm2-import')
                        RETURNING id""")
                .param("account", accountId).param("customer", customer).param("amount", amount.kopecks())
                .param("reason", OPENING + " (" + amount.shown() + " ₽)").param("after", after)
                .query(Long.class).single();
        run.map(kind, key, entry);
        run.done();
        return amount.kopecks();
    }
}
