package dev.darkmaximus.dm2import;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import dev.darkmaximus.billing.PromoService;
import dev.darkmaximus.platform.crypto.SecretCipher;
import dev.darkmaximus.testsupport.Operators;
import dev.darkmaximus.testsupport.PanelBackedTest;
import dev.darkmaximus.testsupport.XuiPanelStub;
import dev.darkmaximus.testsupport.xui.FakeXuiPanel;

/**
 * A DM2 shop built from DM2's own schema, with the awkward data real shops have, imported: a dry run changes
 * nothing, an apply gives exact kopecks, a second apply changes nothing, an apply cut off halfway is finished by the
 * next, and the imported keys are the panel's clients as far as sync is concerned.
 */
class Dm2ImportIT extends PanelBackedTest {

    private static final List<String> TABLES = List.of("customers", "customer_groups", "customer_group_members",
            "hosts", "plans", "plan_prices", "plan_groups", "vpn_keys", "orders", "payments", "balance_accounts",
            "balance_entries", "customer_totals", "promo_codes", "promo_redemptions", "settings", "dm2_import_map");

    @Autowired
    Dm2Importer importer;
    @Autowired
    SecretCipher cipher;
    @Autowired
    PromoService promos;
    @Autowired
    PasswordEncoder passwords;
    @TempDir
    Path dir;

    private final long alice = 7_000_000_000L + (System.nanoTime() % 1_000_000_000L);
    private final long bob = alice + 1;
    private final long carol = alice + 2;
    private final String tag = UUID.randomUUID().toString().substring(0, 6);
    private final UUID aliceKey = UUID.randomUUID();
    private Dm2Database dm2;

    @BeforeEach
    void dm2Shop() throws Exception {
        // The imported Amsterdam host is this test's panel; the host the base class made for it would be merged into.
        jdbc.sql("DELETE FROM hosts WHERE id = :id").param("id", hostId).update();
        dm2 = new Dm2Database(dir.resolve("users.db"));
        dm2.insert("INSERT INTO user_groups (group_id, group_name, is_default, group_code) VALUES (1, ?, 1, ?)",
                        "Пользователи", "polzovateli")
                .insert("INSERT INTO user_groups (group_id, group_name, is_default, group_code) VALUES (2, ?, 0, ?)",
                        "VIP " + tag, "vip")
                .insert("INSERT INTO xui_hosts VALUES (?, ?, ?, ?, 1, ?)", "🇳🇱 Амстердам " + tag,
                        panel.baseUrl() + XuiPanelStub.ROOT + "/", FakeXuiPanel.USERNAME, FakeXuiPanel.PASSWORD,
                        "ams" + tag)
                .insert("INSERT INTO xui_hosts VALUES (?, ?, 'admin', 'pw', 2, ?)", "🇩🇪 Berlin " + tag,
                        "https://de.example.net:2053/path/", "ber" + tag)
                .insert("INSERT INTO plans (plan_id, host_name, plan_name, months, price) VALUES (1, ?, ?, 1, ?)",
                        "🇳🇱 Амстердам " + tag, "1 месяц", 199.0)
                .insert("""
                        INSERT INTO plans (plan_id, host_name, plan_name, months, days, price, display_mode,
                                           display_mode_groups) VALUES (2, ?, 'Неделя', 0, 7, ?, 'hidden_new', '[2]')""",
                        "🇳🇱 Амстердам " + tag, 49.99)
                .insert("INSERT INTO plans (plan_id, host_name, plan_name, months, days, price) VALUES (3, ?, ?, 1, 15, ?)",
                        "🇩🇪 Berlin " + tag, "Mix", 1234.565);
        dm2.insert("""
                        INSERT INTO users (telegram_id, user_id, username, fullname, balance, referral_balance,
                                           registration_date, group_id, agreed_to_terms, trial_used, total_spent)
                        VALUES (?, 900001, 'alice', 'Alice A', ?, ?, '2024-01-02 03:04:05', 2, 1, 1, 248.99)""",
                        alice, 0.1 + 0.2, 1234.565)
                .insert("""
                        INSERT INTO users (telegram_id, user_id, username, fullname, balance, referred_by, is_banned)
                        VALUES (?, 900002, 'Боб Петров', 'Боб Петров', 100.0, ?, 1)""", bob, alice)
                .insert("INSERT INTO users (telegram_id, user_id, username, referred_by) VALUES (?, 900003, 'c', ?)",
                        carol, bob);
        dm2.insert("""
                        INSERT INTO vpn_keys (key_id, user_id, host_name, xui_client_uuid, key_email, expiry_date,
                                              status, plan_name, subscription, subscription_link, is_trial)
                        VALUES (1, ?, ?, ?, ?, '2030-01-01 00:00:00', 'pay-active', '1 месяц', ?, ?, 0)""",
                        alice, "🇳🇱 Амстердам " + tag, aliceKey.toString(), "alice-" + tag, "sa" + tag,
                        "https://sub.example.net/sub/sa" + tag)
                .insert("""
                        INSERT INTO vpn_keys (key_id, user_id, host_name, xui_client_uuid, key_email, expiry_date,
                                              status, is_trial) VALUES (2, ?, ?, ?, ?, '2024-02-01 10:00:00', 'trial-ended', 1)""",
                        bob, "🇳🇱 Амстердам " + tag, UUID.randomUUID().toString(), "bob-" + tag)
                .insert("""
                        INSERT INTO vpn_keys (key_id, user_id, host_name, xui_client_uuid, key_email, expiry_date,
                                              status) VALUES (3, ?, ?, ?, ?, '2030-06-01 00:00:00', 'pay-active')""",
                        alice, "🇩🇪 Berlin " + tag, UUID.randomUUID().toString(), "ALICE-" + tag);
        dm2.insert("""
                        INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method, metadata,
                                                  created_date) VALUES (?, ?, 'paid', 199.0, 'YooKassa', ?, ?)""",
                        "yk-" + tag, alice, "{\"plan_id\": 1, \"operation\": \"buy\", \"action\": \"new\"}",
                        "2024-05-01 12:00:00.123456+03:00")
                .insert("""
                        INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method, metadata,
                                                  created_date) VALUES (?, ?, 'paid', 49.99, 'Из баланса', ?, ?)""",
                        "bal-" + tag, alice, "{\"plan_id\": \"2\", \"action\": \"extend\", \"key_id\": 1}",
                        "2024-06-01 00:30:00")
                .insert("""
                        INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method)
                        VALUES (?, ?, 'paid', 500.0, 'TON Connect')""", "ton-" + tag, alice)
                .insert("""
                        INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method)
                        VALUES (?, ?, 'pending', 199.0, 'YooKassa')""", "pending-" + tag, bob);
        dm2.insert("""
                        INSERT INTO promo_codes (promo_id, code, bot, discount_percent, usage_limit_per_bot)
                        VALUES (1, ?, 'shop', 10, 100)""", "W" + tag.toUpperCase())
                .insert("INSERT INTO promo_code_usage (promo_id, user_id, bot, status) VALUES (1, ?, 'shop', 'used')",
                        alice)
                // The shop's defaults (the test database is shared): the rows are what the test looks for.
                .insert("INSERT INTO bot_settings VALUES ('referral_percentage', '10')")
                .insert("INSERT INTO bot_settings VALUES ('minimum_topup', '100')")
                .insert("INSERT INTO bot_settings VALUES ('yookassa_secret_key', 'live_secret')");
    }

    @AfterEach
    void forgetImportedSettings() {
        jdbc.sql("DELETE FROM settings WHERE updated_by = 'dm2-import'").update();
        jdbc.sql("DELETE FROM dm2_import_map WHERE kind = 'setting'").update();
    }

    private Dm2Report run(boolean apply) throws Exception {
        return importer.run(dm2.file(), new Dm2Importer.Options(apply, ZoneOffset.UTC, false));
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }

    private long customer(long telegramId) {
        return jdbc.sql("SELECT id FROM customers WHERE telegram_id = :t").param("t", telegramId).query(Long.class)
                .single();
    }

    private long balance(long telegramId, String account) {
        return jdbc.sql("SELECT balance_minor FROM balance_accounts WHERE customer_id = :c AND account = :a")
                .param("c", customer(telegramId)).param("a", account).query(Long.class).single();
    }

    @Test
    void aDryRunChangesNothingAndTellsWhatAnApplyDoes() throws Exception {
        Map<String, Long> before = rows();
        long numbers = jdbc.sql("SELECT last_value FROM customer_number_seq").query(Long.class).single();
        long orderNumbers = jdbc.sql("SELECT last_value FROM orders_id_seq").query(Long.class).single();

        Dm2Report dry = run(false);

        assertThat(rows()).isEqualTo(before);
        // Customer numbers are public: a dry run must not move the sequence (it is outside any transaction).
        assertThat(jdbc.sql("SELECT last_value FROM customer_number_seq").query(Long.class).single())
                .isEqualTo(numbers);
        assertThat(jdbc.sql("SELECT last_value FROM orders_id_seq").query(Long.class).single())
                .isEqualTo(orderNumbers);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.tally("customers").imported()).isEqualTo(3);
        assertThat(dry.tally("keys").imported()).isEqualTo(3);
        assertThat(dry.balanceKopecks()).isEqualTo(30 + 10_000);
        assertThat(dry.text(true)).contains("DRY RUN").contains("0.30000000000000004 → 0.30")
                .contains("1234.565 → 1234.57");
        assertThat(run(true).text(false)).contains("applied");
    }

    @Test
    void anApplyImportsEverythingExactlyAndASecondApplyChangesNothing() throws Exception {
        // A host of this shop with Berlin's name on another panel: DM2's Berlin keys must not land on it.
        long otherBerlin = jdbc.sql("""
                        INSERT INTO hosts (name, panel_type, base_url, inbound_ids)
                        VALUES (:n, 'XUI_V2', 'https://other.example.net:2053', '1') RETURNING id""")
                .param("n", "Berlin " + tag).query(Long.class).single();
        Dm2Report report = run(true);

        assertThat(report.problems()).anyMatch(p -> p.contains("TON Connect"));
        assertThat(report.tally("customers").imported()).isEqualTo(3);
        assertThat(report.tally("hosts").imported()).isEqualTo(2);
        assertThat(report.tally("plans").imported()).isEqualTo(3);
        assertThat(report.tally("keys").imported()).isEqualTo(3);
        assertThat(report.tally("payments").found()).isEqualTo(3);
        assertThat(report.tally("payments").imported()).isEqualTo(2);
        assertThat(report.tally("promo codes").imported()).isEqualTo(1);
        assertThat(report.roundings()).contains("customer " + alice + " balance: 0.30000000000000004 → 0.30",
                "customer " + alice + " referral balance: 1234.565 → 1234.57");

        // Money: REAL roubles to kopecks, half up, as opening entries of the ledger.
        assertThat(balance(alice, "MAIN")).isEqualTo(30);
        assertThat(balance(alice, "REFERRAL")).isEqualTo(123_457);
        assertThat(balance(bob, "MAIN")).isEqualTo(10_000);
        assertThat(jdbc.sql("""
                        SELECT sum(amount_minor) FROM balance_entries WHERE customer_id = :c AND kind = 'ADMIN_ADJUSTMENT'""")
                .param("c", customer(alice)).query(Long.class).single()).isEqualTo(30 + 123_457);
        assertThat(jdbc.sql("SELECT amount_minor FROM plan_prices p JOIN plans l ON l.id = p.plan_id "
                + "WHERE l.name_ru = 'Mix' AND l.host_id = (SELECT target_id FROM dm2_import_map "
                + "WHERE kind = 'host' AND source_key = :h)").param("h", "🇩🇪 Berlin " + tag).query(Long.class)
                .single()).isEqualTo(123_457);

        // Customers: DM2's numbers, names, ban, referral chain, groups.
        Map<String, Object> a = jdbc.sql("SELECT * FROM customers WHERE telegram_id = :t").param("t", alice)
                .query().singleRow();
        assertThat(a.get("number")).isEqualTo(900_001L);
        assertThat(((java.sql.Timestamp) a.get("registered_at")).toInstant())
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(a.get("trial_used")).isEqualTo(true);
        Map<String, Object> b = jdbc.sql("SELECT * FROM customers WHERE telegram_id = :t").param("t", bob).query()
                .singleRow();
        assertThat(b.get("username")).isNull();
        assertThat(b.get("first_name")).isEqualTo("Боб Петров");
        assertThat(b.get("banned")).isEqualTo(true);
        assertThat(b.get("referrer_id")).isEqualTo(customer(alice));
        assertThat(jdbc.sql("SELECT referrer_id FROM customers WHERE telegram_id = :t").param("t", carol)
                .query(Long.class).single()).isEqualTo(customer(bob));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM customer_group_members m JOIN customer_groups g ON g.id = m.group_id
                        WHERE m.customer_id = :c AND g.name = :g""").param("c", customer(alice))
                .param("g", "VIP " + tag).query(Long.class).single()).isEqualTo(1);
        long next = jdbc.sql("SELECT nextval('customer_number_seq')").query(Long.class).single();
        assertThat(next).isGreaterThan(900_003L);

        // Hosts: flag split off, password encrypted, web base path kept.
        Map<String, Object> host = jdbc.sql("SELECT * FROM hosts WHERE name = :n").param("n", "Амстердам " + tag)
                .query().singleRow();
        assertThat(host.get("flag")).isEqualTo("🇳🇱");
        assertThat(host.get("country_code")).isEqualTo("NL");
        assertThat(host.get("web_base_path")).isEqualTo(XuiPanelStub.ROOT);
        assertThat(cipher.decrypt((String) host.get("password_enc"))).isEqualTo(FakeXuiPanel.PASSWORD);

        // Keys: the panel identity exactly, expiry naive UTC, status from expiry; the same email on two hosts.
        Map<String, Object> k1 = jdbc.sql("SELECT * FROM vpn_keys WHERE panel_client_uuid = :u").param("u", aliceKey)
                .query().singleRow();
        assertThat(k1.get("panel_email")).isEqualTo("alice-" + tag);
        assertThat(k1.get("subscription_id")).isEqualTo("sa" + tag);
        assertThat(k1.get("status")).isEqualTo("ACTIVE");
        assertThat(((java.sql.Timestamp) k1.get("expires_at")).toInstant())
                .isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(jdbc.sql("SELECT status FROM vpn_keys WHERE panel_email = :e").param("e", "bob-" + tag)
                .query(String.class).single()).isEqualTo("EXPIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM vpn_keys WHERE lower(panel_email) = :e").param("e", "alice-" + tag)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT h.name FROM vpn_keys k JOIN hosts h ON h.id = k.host_id WHERE k.panel_email = :e")
                .param("e", "ALICE-" + tag).query(String.class).single()).isEqualTo("Berlin " + tag + " (ber" + tag + ")");
        assertThat(jdbc.sql("SELECT count(*) FROM vpn_keys WHERE host_id = :h").param("h", otherBerlin)
                .query(Long.class).single()).isZero();
        assertThat(report.problems()).anyMatch(p -> p.contains("is another panel here"));

        // Payments: historic and final; Moscow time read as such.
        Map<String, Object> yk = jdbc.sql("""
                        SELECT p.*, o.status AS order_status, o.kind FROM payments p JOIN orders o ON o.id = p.order_id
                        WHERE p.provider_payment_id = :id""").param("id", "yk-" + tag).query().singleRow();
        assertThat(yk.get("amount_minor")).isEqualTo(19_900L);
        assertThat(yk.get("status")).isEqualTo("SUCCEEDED");
        assertThat(yk.get("order_status")).isEqualTo("FULFILLED");
        assertThat(((java.sql.Timestamp) yk.get("succeeded_at")).toInstant())
                .isEqualTo(Instant.parse("2024-05-01T09:00:00.123456Z"));
        assertThat(jdbc.sql("SELECT o.kind FROM payments p JOIN orders o ON o.id = p.order_id "
                + "WHERE p.provider_payment_id = :id").param("id", "bal-" + tag).query(String.class).single())
                .isEqualTo("EXTEND_KEY");
        // Settings that mean the same: roubles become kopecks; secrets only when asked for.
        assertThat(jdbc.sql("SELECT value FROM settings WHERE key = 'payments.topup-min'").query(String.class)
                .single()).isEqualTo("10000");
        assertThat(jdbc.sql("SELECT value FROM settings WHERE key = 'referral.percent'").query(String.class)
                .single()).isEqualTo("10");
        assertThat(jdbc.sql("SELECT count(*) FROM settings WHERE key = 'payments.yookassa.secret-key'")
                .query(Long.class).single()).isZero();
        assertThat(report.text(false)).contains("YooKassa credentials not carried over");
        assertThat(jdbc.sql("SELECT times_used FROM promo_codes WHERE code = :c").param("c", "W" + tag.toUpperCase())
                .query(Integer.class).single()).isEqualTo(1);
        // Alice used it in DM2: once per customer holds across the move; Carol never did.
        assertThat(report.tally("promo uses").imported()).isEqualTo(1);
        assertThat(promos.refusalFor("W" + tag.toUpperCase(), customer(alice))).contains("promo_already_used");
        assertThat(promos.refusalFor("W" + tag.toUpperCase(), customer(carol))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM promo_redemptions WHERE customer_id = :c AND order_id IS NULL")
                .param("c", customer(alice)).query(Long.class).single()).isEqualTo(1);
        // The admin's list of a code's uses shows orders; DM2's use has none and only counts in the limits.
        long promo = jdbc.sql("SELECT id FROM promo_codes WHERE code = :c").param("c", "W" + tag.toUpperCase())
                .query(Long.class).single();
        assertThat(promos.redemptions(promo, null, 100)).isEmpty();

        Map<String, Long> after = rows();
        Dm2Report second = run(true);
        assertThat(rows()).isEqualTo(after);
        for (String kind : List.of("customers", "hosts", "plans", "keys", "payments", "promo codes", "groups")) {
            assertThat(second.tally(kind).imported()).as(kind).isZero();
        }
        assertThat(second.tally("customers").alreadyImported()).isEqualTo(3);
        assertThat(second.tally("promo uses").alreadyImported()).isEqualTo(1);
        assertThat(balance(alice, "REFERRAL")).isEqualTo(123_457);
    }

    @Test
    void anApplyCutOffHalfwayIsFinishedByTheNextRun() throws Exception {
        // A plan DM2 allowed and we can't hold (more months than an int): the run stops at the plans.
        dm2.insert("INSERT INTO plans (plan_id, host_name, plan_name, months, price) VALUES (4, ?, 'Forever', ?, 1)",
                "🇩🇪 Berlin " + tag, 3_000_000_000L);
        assertThatThrownBy(() -> run(true)).isInstanceOf(Exception.class);
        assertThat(jdbc.sql("SELECT count(*) FROM dm2_import_map WHERE kind = 'host' AND source_key LIKE :t")
                .param("t", "%" + tag).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE telegram_id = :t").param("t", alice)
                .query(Long.class).single()).isZero();

        dm2.insert("DELETE FROM plans WHERE plan_id = 4");
        Dm2Report resumed = run(true);

        assertThat(resumed.tally("hosts").alreadyImported()).isEqualTo(2);
        assertThat(resumed.tally("hosts").imported()).isZero();
        assertThat(resumed.tally("customers").imported()).isEqualTo(3);
        assertThat(balance(alice, "MAIN")).isEqualTo(30);
    }

    @Test
    void anApplyCutOffMidwayThroughBatchesResumesWithoutLosingOrRepeatingARecord() throws Exception {
        // More than two batches of each, one customer the shop already has in the middle, and no DM2 numbers (so
        // the sequence gives them, a batch at a time).
        int many = 2_500;
        long first = carol + 10;
        for (int i = 0; i < many; i++) {
            dm2.insert("INSERT INTO users (telegram_id, username, balance, referred_by) VALUES (?, ?, ?, ?)",
                    first + i, "m" + i, 0.1 + 0.2 * (i % 10), i % 4 == 1 ? first + i - 1 : null);
            dm2.insert("""
                            INSERT INTO vpn_keys (key_id, user_id, host_name, xui_client_uuid, key_email, expiry_date,
                                                  status, subscription) VALUES (?, ?, ?, ?, ?, '2030-01-01 00:00:00',
                                                  'pay-active', ?)""",
                    100 + i, first + i, "🇩🇪 Berlin " + tag, UUID.randomUUID().toString(), "m" + i + "-" + tag,
                    "m" + i + tag);
            dm2.insert("""
                            INSERT INTO transactions (payment_id, user_id, status, amount_rub, payment_method, metadata)
                            VALUES (?, ?, 'paid', 99.9, 'YooKassa', ?)""", "m" + i + "-" + tag, first + i,
                    "{\"plan_id\": 3, \"action\": \"extend\", \"key_id\": " + (100 + i) + "}");
        }
        long known = first + 1_500;
        jdbc.sql("INSERT INTO customers (telegram_id, username) VALUES (:t, 'here already')").param("t", known)
                .update();
        // The database refuses one key of the third batch, as a crash or an outage would cut the run there.
        String refused = "m2100-" + tag;
        String trigger = "dm2_cut_" + tag;
        jdbc.sql("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.panel_email = '" + refused + "' THEN RAISE EXCEPTION 'cut off'; END IF; RETURN NEW; END $$")
                .update();
        jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE INSERT ON vpn_keys FOR EACH ROW EXECUTE FUNCTION " + trigger
                + "()").update();
        try {
            assertThatThrownBy(() -> run(true)).hasMessageContaining("cut off");
        } finally {
            jdbc.sql("DROP TRIGGER " + trigger + " ON vpn_keys").update();
            jdbc.sql("DROP FUNCTION " + trigger + "()").update();
        }
        long keysBefore = jdbc.sql("SELECT count(*) FROM vpn_keys WHERE panel_email LIKE :e")
                .param("e", "m%-" + tag).query(Long.class).single();
        // Two whole batches: the three keys of alice and bob (sorted first) and 1,997 of these.
        assertThat(keysBefore).as("whole batches of keys committed before the cut").isEqualTo(1_997);

        Dm2Report resumed = run(true);

        // All customers, the merged one too, were done before the cut: the map holds them.
        assertThat(resumed.tally("customers").alreadyImported()).isEqualTo(many + 3);
        assertThat(resumed.tally("customers").imported()).isZero();
        assertThat(resumed.tally("keys").alreadyImported()).isEqualTo(2_000);
        assertThat(resumed.tally("keys").imported()).isEqualTo(many + 3 - 2_000);
        assertThat(resumed.tally("payments").imported()).isEqualTo(many + 2);
        assertThat(jdbc.sql("SELECT count(*) FROM vpn_keys WHERE panel_email LIKE :e").param("e", "m%-" + tag)
                .query(Long.class).single()).isEqualTo(many);
        assertThat(jdbc.sql("SELECT count(DISTINCT number) FROM customers WHERE telegram_id BETWEEN :a AND :b")
                .param("a", first).param("b", first + many - 1).query(Long.class).single()).isEqualTo(many);
        // Every balance credited once: 0.1 + 0.2 × (i mod 10) roubles, 250 customers of each tenth.
        long expected = 0;
        for (int i = 0; i < many; i++) {
            expected += 10 + 20 * (i % 10);
        }
        assertThat(jdbc.sql("""
                        SELECT sum(e.amount_minor) FROM balance_entries e JOIN customers c ON c.id = e.customer_id
                        WHERE c.telegram_id BETWEEN :a AND :b AND e.created_by = 'dm2-import'""")
                .param("a", first).param("b", first + many - 1).query(Long.class).single()).isEqualTo(expected);
        assertThat(balance(known, "MAIN")).isEqualTo(10 + 20 * (1_500 % 10));
        assertThat(jdbc.sql("SELECT referrer_id FROM customers WHERE telegram_id = :t").param("t", first + 2_401)
                .query(Long.class).single()).isEqualTo(customer(first + 2_400));
        // A payment that named its DM2 key extends our key of it, whichever run imported the key.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id
                        JOIN vpn_keys k ON k.id = o.key_id
                        WHERE p.provider_payment_id LIKE :e AND k.panel_email = p.provider_payment_id""")
                .param("e", "m%-" + tag).query(Long.class).single()).isEqualTo(many);

        Map<String, Long> after = rows();
        run(true);
        assertThat(rows()).isEqualTo(after);
    }

    @Test
    void anAdminImportsFromTheAdminApiAnOperatorMayNotAndAnotherFileIsRefused() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(dm2.file());
        Operators.Operator operator = Operators.signedIn(api, jdbc, passwords, "dm2op");
        api.postBytes("/api/v1/admin/imports/dm2", file, operator.token()).problem(403, "forbidden");
        api.postBytes("/api/v1/admin/imports/dm2", "not a database".getBytes(), shop.admin())
                .problem(400, "not_a_dm2_database");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'dm2.import.dry-run.failed'")
                .query(Long.class).single()).isPositive();
        api.postBytes("/api/v1/admin/imports/dm2?dm2Zone=Mars/Base", file, shop.admin())
                .problem(400, "invalid_zone");

        JsonNode dry = api.postBytes("/api/v1/admin/imports/dm2", file, shop.admin()).expect(200).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE telegram_id = :t").param("t", alice)
                .query(Long.class).single()).isZero();
        JsonNode applied = api.postBytes("/api/v1/admin/imports/dm2?apply=true&dm2Zone=Europe/Moscow", file,
                shop.admin()).expect(200).json();

        assertThat(applied.get("dryRun").asBoolean()).isFalse();
        assertThat(applied.get("balanceKopecks").asLong()).isEqualTo(10_030);
        assertThat(applied.get("counts").get(3).get("kind").asString()).isEqualTo("customers");
        assertThat(applied.get("counts").get(3).get("imported").asInt()).isEqualTo(3);
        assertThat(applied.get("roundings").toString()).contains("0.30000000000000004 → 0.30");
        assertThat(balance(alice, "MAIN")).isEqualTo(30);
        // DM2 wrote the registration date in its server's local time: Moscow here, three hours ahead of UTC.
        assertThat(jdbc.sql("SELECT registered_at FROM customers WHERE telegram_id = :t").param("t", alice)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2024-01-02T00:04:05Z"));
        assertThat(applied.get("text").asString()).contains("read in Europe/Moscow");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE action LIKE 'dm2.import%' ORDER BY id DESC LIMIT 2")
                .query(String.class).list()).containsExactly("dm2.import", "dm2.import.dry-run");
    }

    @Test
    void syncAdoptsTheImportedKeysAsThePanelsOwnClients() throws Exception {
        run(true);
        long amsterdam = jdbc.sql("SELECT target_id FROM dm2_import_map WHERE kind = 'host' AND source_key = :h")
                .param("h", "🇳🇱 Амстердам " + tag).query(Long.class).single();
        panel.listsClients(List.of(
                Map.of("id", aliceKey.toString(), "email", "alice-" + tag, "expiryTime",
                        Instant.parse("2030-01-01T00:00:00Z").toEpochMilli(), "enable", true, "totalGB", 0,
                        "subId", "sa" + tag, "flow", "", "limitIp", 0),
                Map.of("id", UUID.randomUUID().toString(), "email", "bob-" + tag, "expiryTime",
                        Instant.parse("2024-02-01T10:00:00Z").toEpochMilli(), "enable", false, "totalGB", 0,
                        "subId", "", "flow", "", "limitIp", 0)));

        JsonNode report = api.post("/api/v1/admin/hosts/" + amsterdam + "/sync", "", shop.admin()).expect(200).json();

        assertThat(report.get("outcome").asString()).isEqualTo("ok");
        assertThat(report.get("keysMissing").asInt()).isZero();
        assertThat(report.get("orphans").asInt()).isZero();
        assertThat(panel.addClientCalls("alice-" + tag)).isZero();
        panel.server().verify(0, anyRequestedFor(urlPathMatching(".*/(addClient|del).*")));
    }
}
