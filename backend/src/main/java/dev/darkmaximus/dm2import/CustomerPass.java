package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.clip;
import static dev.darkmaximus.dm2import.CatalogPass.ts;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Customers, their referrers and group. A customer the shop already has (same Telegram id) keeps their data; their
 * money follows in {@link BalancePass}.
 */
final class CustomerPass {

    private final ImportRun run;
    private final ImportRun.Statistics statistics;
    private final CatalogPass catalog;
    private final long defaultGroup;

    CustomerPass(ImportRun run, CatalogPass catalog) {
        this.run = run;
        this.statistics = run.statistics("customers", "customer_group_members", "customer_totals", "dm2_import_map");
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
        flushCustomers();
        run.source.each("users", "SELECT telegram_id, referred_by FROM users WHERE referred_by IS NOT NULL",
                this::referrer);
        flushReferrers();
    }

    /** A DM2 user as it will be written, unless the shop has them already. */
    private record Candidate(String key, long telegramId, Long number, Instant registered, String username,
                             String fullName, String zone, String email, boolean terms, boolean banned,
                             boolean trial, boolean renew, String notes, Long group, long spent) {
    }

    private final List<Candidate> customers = new ArrayList<>();

    private void customer(Dm2Source.Row row) throws Exception {
        run.report.found("customers");
        Long telegramId = row.number("telegram_id");
        if (telegramId == null || telegramId <= 0) {
            run.report.skipped("customers", String.valueOf(row.text("telegram_id")), "no Telegram id");
            return;
        }
        String key = telegramId.toString();
        Instant registered = run.times.serverLocal(row.text("registration_date"));
        String username = clip(row.text("username"), 64);
        if (username != null && username.equals(row.text("fullname"))) {
            username = null; // DM2 stores the full name as the username of a user who has none
        }
        if (username != null && username.startsWith("@")) {
            username = username.substring(1);
        }
        Long dm2Group = row.number("group_id");
        Roubles spent = Roubles.of(row.get("total_spent"));
        if (spent != null && spent.kopecks() > 0) {
            run.report.amount("customer " + key + " total spent", spent);
        }
        String fio = clip(row.text("fio"), 500);
        customers.add(new Candidate(key, telegramId, row.number("user_id"),
                registered == null ? run.clock.instant() : registered, username, clip(row.text("fullname"), 128),
                validZone(row.text("timezone")), clip(row.text("email"), 254), row.flag("agreed_to_terms", false),
                row.flag("is_banned", false), row.flag("trial_used", false),
                row.flag("auto_renewal_enabled", true), fio == null ? null : "FIO: " + fio,
                dm2Group == null ? null : catalog.groupsById.get(dm2Group.toString()),
                spent == null ? 0L : Math.max(0, spent.kopecks())));
        if (customers.size() >= ImportRun.BATCH) {
            flushCustomers();
        }
    }

    /** A batch of customers: two lookups, one insert (with groups, totals and map rows), one commit. */
    private void flushCustomers() throws Exception {
        Map<String, Long> earlier = run.lookup("customer", customers.stream().map(Candidate::key).toList());
        customers.removeIf(c -> {
            if (earlier.containsKey(c.key())) {
                run.report.alreadyImported("customers");
                return true;
            }
            return false;
        });
        if (customers.isEmpty()) {
            return;
        }
        Long[] telegramIds = customers.stream().map(Candidate::telegramId).toArray(Long[]::new);
        Map<Long, Long> existing = new HashMap<>();
        run.shop.sql("SELECT telegram_id, id FROM customers WHERE telegram_id = ANY(CAST(:t AS BIGINT[]))")
                .param("t", telegramIds).query((ResultSet rs) -> {
                    existing.put(rs.getLong(1), rs.getLong(2));
                });
        Set<Long> taken = new HashSet<>(run.shop.sql(
                        "SELECT number FROM customers WHERE number = ANY(CAST(:n AS BIGINT[]))")
                .param("n", customers.stream().map(Candidate::number).filter(Objects::nonNull).toArray(Long[]::new))
                .query(Long.class).list());
        List<String> mergedKeys = new ArrayList<>();
        List<Long> mergedIds = new ArrayList<>();
        List<Candidate> fresh = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        int needNumbers = 0;
        for (Candidate c : customers) {
            Long found = existing.get(c.telegramId());
            if (found != null) {
                mergedKeys.add(c.key());
                mergedIds.add(found);
                run.report.merged("customers", c.key() + " into the customer with that Telegram id (their data kept)");
                continue;
            }
            Long number = c.number();
            if (number == null || number <= 0 || !taken.add(number)) {
                if (number != null) {
                    run.report.problem("customers", c.key(), "DM2 number " + number
                            + " is taken here: a new number given");
                }
                number = null;
                needNumbers++;
            }
            fresh.add(c);
            numbers.add(number);
        }
        run.mapAll("customer", mergedKeys, mergedIds);
        if (needNumbers > 0) {
            // A dry run must not use up numbers of the sequence: stand-ins that the rollback removes.
            Iterator<Long> given = run.dryRun() ? null : run.shop.sql(
                            "SELECT nextval('customer_number_seq') FROM generate_series(1, :n)")
                    .param("n", needNumbers).query(Long.class).list().iterator();
            for (int i = 0; i < fresh.size(); i++) {
                if (numbers.get(i) == null) {
                    numbers.set(i, given == null ? -fresh.get(i).telegramId() : given.next());
                }
            }
        }
        insert(fresh, numbers);
        statistics.written(customers.size());
        customers.clear();
        run.commit();
    }

    private void insert(List<Candidate> fresh, List<Long> numbers) {
        if (fresh.isEmpty()) {
            return;
        }
        run.shop.sql("""
                        WITH i AS (
                            SELECT * FROM unnest(CAST(:number AS BIGINT[]), CAST(:telegram AS BIGINT[]),
                                                 CAST(:username AS TEXT[]), CAST(:first AS TEXT[]),
                                                 CAST(:zone AS TEXT[]), CAST(:email AS TEXT[]),
                                                 CAST(:registered AS TIMESTAMPTZ[]), CAST(:terms AS BOOLEAN[]),
                                                 CAST(:banned AS BOOLEAN[]), CAST(:trial AS BOOLEAN[]),
                                                 CAST(:renew AS BOOLEAN[]), CAST(:notes AS TEXT[]),
                                                 CAST(:grp AS BIGINT[]), CAST(:spent AS BIGINT[]))
                                AS i(number, telegram, username, first, zone, email, registered, terms, banned,
                                     trial, renew, notes, grp, spent)),
                        c AS (
                            INSERT INTO customers (number, telegram_id, username, first_name, time_zone, email,
                                                   registered_at, terms_accepted_at, banned, ban_reason, banned_at,
                                                   trial_used, auto_renew_default, notes, created_at)
                            SELECT number, telegram, username, first, zone, email, registered,
                                   CASE WHEN terms THEN registered END, banned,
                                   CASE WHEN banned THEN 'Banned in Dark Maximus 2' END,
                                   CASE WHEN banned THEN CAST(:now AS TIMESTAMPTZ) END, trial, renew, notes,
                                   registered
                            FROM i
                            RETURNING id, telegram_id),
                        g AS (
                            INSERT INTO customer_group_members (customer_id, group_id)
                            SELECT c.id, CAST(:default AS BIGINT) FROM c
                            UNION ALL
                            SELECT c.id, i.grp FROM c JOIN i ON i.telegram = c.telegram_id
                            WHERE i.grp IS NOT NULL AND i.grp <> CAST(:default AS BIGINT)),
                        s AS (
                            INSERT INTO customer_totals (customer_id, currency, total_spent_minor)
                            SELECT c.id, 'RUB', i.spent FROM c JOIN i ON i.telegram = c.telegram_id
                            WHERE i.spent > 0),
                        m AS (
                            INSERT INTO dm2_import_map (kind, source_key, target_id)
                            SELECT 'customer', CAST(c.telegram_id AS TEXT), c.id FROM c)
                        SELECT id FROM c""")
                .param("number", numbers.toArray(Long[]::new))
                .param("telegram", fresh.stream().map(Candidate::telegramId).toArray(Long[]::new))
                .param("username", fresh.stream().map(Candidate::username).toArray(String[]::new))
                .param("first", fresh.stream().map(Candidate::fullName).toArray(String[]::new))
                .param("zone", fresh.stream().map(Candidate::zone).toArray(String[]::new))
                .param("email", fresh.stream().map(Candidate::email).toArray(String[]::new))
                .param("registered", ImportRun.instants(fresh, Candidate::registered))
                .param("terms", fresh.stream().map(Candidate::terms).toArray(Boolean[]::new))
                .param("banned", fresh.stream().map(Candidate::banned).toArray(Boolean[]::new))
                .param("trial", fresh.stream().map(Candidate::trial).toArray(Boolean[]::new))
                .param("renew", fresh.stream().map(Candidate::renew).toArray(Boolean[]::new))
                .param("notes", fresh.stream().map(Candidate::notes).toArray(String[]::new))
                .param("grp", fresh.stream().map(Candidate::group).toArray(Long[]::new))
                .param("spent", fresh.stream().map(Candidate::spent).toArray(Long[]::new))
                .param("now", run.clock.instant().toString()).param("default", defaultGroup)
                .query((ResultSet rs) -> {
                    run.report.imported("customers");
                });
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

    /** A DM2 user and who referred them, by Telegram id. */
    private record Referral(String key, String referrer) {
    }

    private final List<Referral> referrals = new ArrayList<>();

    private void referrer(Dm2Source.Row row) throws Exception {
        Long telegramId = row.number("telegram_id");
        Long by = row.number("referred_by");
        if (telegramId != null) {
            referrals.add(new Referral(telegramId.toString(), by == null ? row.text("referred_by") : by.toString()));
        }
        if (referrals.size() >= ImportRun.BATCH) {
            flushReferrers();
        }
    }

    private void flushReferrers() throws Exception {
        if (referrals.isEmpty()) {
            return;
        }
        Map<String, Long> done = run.lookup("referrer", referrals.stream().map(Referral::key).toList());
        Map<String, Long> ids = run.lookup("customer", referrals.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.key(), r.referrer())).toList());
        List<String> referred = new ArrayList<>();
        List<Long> referredIds = new ArrayList<>();
        List<Long> referrerIds = new ArrayList<>();
        for (Referral r : referrals) {
            Long customer = ids.get(r.key());
            Long referrer = ids.get(r.referrer());
            if (done.containsKey(r.key()) || customer == null) {
                continue;
            }
            if (referrer == null || referrer.equals(customer)) {
                run.report.problem("customers", r.key(), "referred by " + r.referrer()
                        + ", who is not a DM2 customer: no referrer");
                continue;
            }
            referred.add(r.key());
            referredIds.add(customer);
            referrerIds.add(referrer);
        }
        // Never over a referrer the shop already has; DM2's chains are kept as they are.
        run.shop.sql("""
                        UPDATE customers SET referrer_id = i.r
                        FROM unnest(CAST(:c AS BIGINT[]), CAST(:r AS BIGINT[])) AS i(c, r)
                        WHERE customers.id = i.c AND customers.referrer_id IS NULL""")
                .param("c", referredIds.toArray(Long[]::new)).param("r", referrerIds.toArray(Long[]::new))
                .update();
        run.mapAll("referrer", referred, referrerIds);
        referrals.clear();
        run.commit();
    }
}
