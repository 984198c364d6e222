package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.clip;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keys, with their panel identity exactly as DM2 made it (client email, client UUID, subId), so every customer's
 * link keeps working and the next sync finds our key's client on the panel instead of creating or deleting one.
 * Nothing is sent to a panel: the import only records what the panels already hold.
 */
final class KeyPass {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportRun run;
    private final ImportRun.Statistics statistics;
    private final CatalogPass catalog;

    KeyPass(ImportRun run, CatalogPass catalog) {
        this.run = run;
        this.statistics = run.statistics("vpn_keys", "dm2_import_map");
        this.catalog = catalog;
    }

    void run() throws Exception {
        run.source.each("vpn_keys", "SELECT * FROM vpn_keys ORDER BY user_id, key_id", this::key);
        flush();
    }

    /**
     * A key's entry in the import map: its DM2 host and panel email, natural keys, so a second DM2 file's keys merge
     * by what they are on the panel rather than collide on DM2's row ids.
     */
    static String mapKey(String hostName, String email) {
        return (hostName == null ? "" : hostName.strip()) + "/" + (email == null ? "" : email.strip());
    }

    /** A DM2 key as it will be written, unless its panel email is here already. */
    private record Candidate(String key, String source, String owner, long customer, long host, UUID client,
                             String rawClient, String email, String subscription, String status, boolean trial,
                             Instant starts, Instant expires, Instant created, boolean renew, String link,
                             String subscriptionUrl, String comment, Long plan) {
        String panelIdentity() {
            return host + "/" + email.toLowerCase(Locale.ROOT);
        }

        Candidate with(long ownerId, String subscriptionId) {
            return new Candidate(key, source, owner, ownerId, host, client, rawClient, email, subscriptionId,
                    status, trial, starts, expires, created, renew, link, subscriptionUrl, comment, plan);
        }
    }

    private final List<Candidate> pending = new ArrayList<>();

    private void key(Dm2Source.Row row) throws Exception {
        run.report.found("keys");
        String email = row.text("key_email") == null ? "" : row.text("key_email").strip();
        String key = mapKey(row.text("host_name"), row.text("key_email"));
        String source = "#" + row.text("key_id") + " " + email;
        Long host = catalog.host(row.text("host_name"));
        if (host == null) {
            run.report.skipped("keys", source, "its host \"" + row.text("host_name") + "\" is not in xui_hosts");
            return;
        }
        UUID client;
        try {
            client = UUID.fromString(row.text("xui_client_uuid").strip());
        } catch (RuntimeException e) {
            client = null;
        }
        Instant expires = run.times.utc(row.text("expiry_date"));
        boolean enabled = row.flag("enabled", true);
        String dm2Status = row.text("status") == null ? "" : row.text("status").strip().toLowerCase(Locale.ROOT);
        String status;
        if (!enabled || dm2Status.equals("deactivate")) {
            status = "DISABLED";
        } else if (expires == null || !expires.isAfter(run.clock.instant()) || dm2Status.endsWith("-ended")) {
            status = "EXPIRED";
        } else {
            status = "ACTIVE";
        }
        Long owner = row.number("user_id");
        pending.add(new Candidate(key, source, owner == null ? row.text("user_id") : owner.toString(), 0, host,
                client, row.text("xui_client_uuid"), email,
                row.text("subscription") == null ? "" : row.text("subscription").strip(), status,
                row.flag("is_trial", false), run.times.utc(row.text("start_date")), expires,
                run.times.utc(row.text("created_date")), row.flag("auto_renewal_enabled", true),
                row.text("connection_string"), clip(row.text("subscription_link"), 500),
                clip(row.text("comment"), 500),
                catalog.plansByName.get(CatalogPass.planKey(row.text("host_name"), row.text("plan_name")))));
        if (pending.size() >= ImportRun.BATCH) {
            flush();
        }
    }

    /**
     * A batch of keys: one query each for what decides them (the same email on the host, their client ids and
     * subIds elsewhere, their owners' key numbers), then one insert with the map rows, then one commit.
     */
    private void flush() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Long> earlier = run.lookup("key", pending.stream().map(Candidate::key).toList());
        Map<String, Long> owners = run.lookup("customer", pending.stream().map(Candidate::owner)
                .filter(Objects::nonNull).toList());
        List<Candidate> batch = new ArrayList<>();
        for (Candidate c : pending) {
            Long owner = c.owner() == null ? null : owners.get(c.owner());
            if (earlier.containsKey(c.key())) {
                run.report.alreadyImported("keys");
            } else if (owner == null) {
                run.report.skipped("keys", c.source(), "its owner " + c.owner() + " is not a DM2 customer");
            } else {
                batch.add(c.with(owner, c.subscription()));
            }
        }
        pending.clear();
        pending.addAll(batch);
        Shop here = shop();
        List<Candidate> fresh = new ArrayList<>();
        Map<String, Candidate> inBatch = new HashMap<>();
        Map<Candidate, Candidate> mergedIntoBatch = new LinkedHashMap<>();
        Map<Candidate, Long> merged = new LinkedHashMap<>();
        for (Candidate c : pending) {
            Long existing = here.emails().get(c.panelIdentity());
            Candidate sameInBatch = inBatch.get(c.panelIdentity());
            if (existing != null || sameInBatch != null) {
                run.report.merged("keys", c.source() + " into the key with that panel email on its host");
                if (existing != null) {
                    merged.put(c, existing);
                } else {
                    mergedIntoBatch.put(c, sameInBatch);
                }
                continue;
            }
            Candidate checked = check(c, here);
            if (checked != null) {
                inBatch.put(checked.panelIdentity(), checked);
                fresh.add(checked);
            }
        }
        Map<String, Long> inserted = insert(fresh, here.numbers());
        mergedIntoBatch.forEach((c, into) -> merged.put(c, inserted.get(into.key())));
        run.mapAll("key", merged.keySet().stream().map(Candidate::key).toList(), List.copyOf(merged.values()));
        statistics.written(pending.size());
        pending.clear();
        run.commit();
    }

    /** What the shop holds that decides a batch of keys; the sets grow as the batch claims ids. */
    private record Shop(Map<String, Long> emails, Set<String> clients, Set<String> subscriptions,
                        Map<Long, Long> numbers) {
    }

    private Shop shop() {
        Map<String, Long> emails = new HashMap<>();
        run.shop.sql("""
                        SELECT k.id, k.host_id, lower(k.panel_email) FROM vpn_keys k
                        JOIN unnest(CAST(:hosts AS BIGINT[]), CAST(:emails AS TEXT[])) AS i(h, e)
                          ON k.host_id = i.h AND lower(k.panel_email) = lower(i.e)""")
                .param("hosts", pending.stream().map(Candidate::host).toArray(Long[]::new))
                .param("emails", pending.stream().map(Candidate::email).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    emails.put(rs.getLong(2) + "/" + rs.getString(3), rs.getLong(1));
                });
        Set<String> clients = new HashSet<>(run.shop.sql("""
                        SELECT CAST(panel_client_uuid AS TEXT) FROM vpn_keys
                        WHERE panel_client_uuid = ANY(CAST(:u AS UUID[]))""")
                .param("u", pending.stream().map(Candidate::client).filter(Objects::nonNull).map(UUID::toString)
                        .toArray(String[]::new))
                .query(String.class).list());
        Set<String> subscriptions = new HashSet<>(run.shop.sql(
                        "SELECT subscription_id FROM vpn_keys WHERE subscription_id = ANY(CAST(:s AS TEXT[]))")
                .param("s", pending.stream().map(Candidate::subscription).toArray(String[]::new))
                .query(String.class).list());
        Map<Long, Long> numbers = new HashMap<>();
        run.shop.sql("""
                        SELECT customer_id, max(number) FROM vpn_keys
                        WHERE customer_id = ANY(CAST(:c AS BIGINT[])) GROUP BY customer_id""")
                .param("c", pending.stream().map(Candidate::customer).distinct().toArray(Long[]::new))
                .query((ResultSet rs) -> {
                    numbers.put(rs.getLong(1), rs.getLong(2));
                });
        return new Shop(emails, clients, subscriptions, numbers);
    }

    /** The key as it can be written here, or null (reported) when it can't. */
    private Candidate check(Candidate c, Shop here) {
        if (c.client() == null) {
            run.report.skipped("keys", c.source(), "client id \"" + c.rawClient() + "\" is not a UUID");
            return null;
        }
        if (c.email().isEmpty() || c.email().length() > 128) {
            run.report.skipped("keys", c.source(), "panel email empty or longer than 128 characters");
            return null;
        }
        if (!here.clients().add(c.client().toString())) {
            run.report.skipped("keys", c.source(), "client id " + c.client() + " belongs to another key here");
            return null;
        }
        String subscription = c.subscription();
        if (subscription.isEmpty() || subscription.length() > 32 || !here.subscriptions().add(subscription)) {
            String given = HexFormat.of().formatHex(random());
            run.report.problem("keys", c.source(), (subscription.isEmpty() ? "no subId" : "subId \"" + subscription
                    + "\" unusable here") + ": given " + given + ", so this key's subscription link changes");
            here.subscriptions().add(given);
            subscription = given;
        }
        if (c.expires() == null) {
            run.report.problem("keys", c.source(), "no expiry date: imported as expired");
        }
        return c.with(c.customer(), subscription);
    }

    /** Writes the batch's new keys; returns their map keys → our ids. */
    private Map<String, Long> insert(List<Candidate> fresh, Map<Long, Long> numbers) {
        if (fresh.isEmpty()) {
            return Map.of();
        }
        Long[] number = fresh.stream().map(c -> numbers.merge(c.customer(), 1L, Long::sum)).toArray(Long[]::new);
        Map<String, Candidate> byClient = new HashMap<>();
        fresh.forEach(c -> byClient.put(c.client().toString(), c));
        Map<String, Long> inserted = new HashMap<>();
        run.shop.sql("""
                        WITH i AS (
                            SELECT * FROM unnest(CAST(:customer AS BIGINT[]), CAST(:host AS BIGINT[]),
                                                 CAST(:plan AS BIGINT[]), CAST(:number AS BIGINT[]),
                                                 CAST(:email AS TEXT[]), CAST(:uuid AS UUID[]), CAST(:sub AS TEXT[]),
                                                 CAST(:status AS TEXT[]), CAST(:trial AS BOOLEAN[]),
                                                 CAST(:starts AS TIMESTAMPTZ[]), CAST(:expires AS TIMESTAMPTZ[]),
                                                 CAST(:renew AS TEXT[]), CAST(:link AS TEXT[]),
                                                 CAST(:subUrl AS TEXT[]), CAST(:comment AS TEXT[]),
                                                 CAST(:created AS TIMESTAMPTZ[]), CAST(:key AS TEXT[]))
                                AS i(customer, host, plan, number, email, uuid, sub, status, trial, starts, expires,
                                     renew, link, sub_url, comment, created, key)),
                        k AS (
                            INSERT INTO vpn_keys (customer_id, host_id, plan_id, number, panel_email,
                                                  panel_client_uuid, subscription_id, status, trial, enabled,
                                                  starts_at, expires_at, auto_renew, connection_link,
                                                  subscription_url, comment, created_at)
                            SELECT customer, host, plan, number, email, uuid, sub, status, trial,
                                   status <> 'DISABLED', starts, expires, renew, link, sub_url, comment,
                                   COALESCE(created, now())
                            FROM i
                            RETURNING id, panel_client_uuid),
                        m AS (
                            INSERT INTO dm2_import_map (kind, source_key, target_id)
                            SELECT 'key', i.key, k.id FROM k JOIN i ON i.uuid = k.panel_client_uuid)
                        SELECT id, CAST(panel_client_uuid AS TEXT) FROM k""")
                .param("customer", fresh.stream().map(Candidate::customer).toArray(Long[]::new))
                .param("host", fresh.stream().map(Candidate::host).toArray(Long[]::new))
                .param("plan", fresh.stream().map(Candidate::plan).toArray(Long[]::new))
                .param("number", number)
                .param("email", fresh.stream().map(Candidate::email).toArray(String[]::new))
                .param("uuid", fresh.stream().map(c -> c.client().toString()).toArray(String[]::new))
                .param("sub", fresh.stream().map(Candidate::subscription).toArray(String[]::new))
                .param("status", fresh.stream().map(Candidate::status).toArray(String[]::new))
                .param("trial", fresh.stream().map(Candidate::trial).toArray(Boolean[]::new))
                .param("starts", ImportRun.instants(fresh, Candidate::starts))
                .param("expires", ImportRun.instants(fresh, Candidate::expires))
                .param("renew", fresh.stream().map(c -> c.renew() ? "INHERIT" : "OFF").toArray(String[]::new))
                .param("link", fresh.stream().map(Candidate::link).toArray(String[]::new))
                .param("subUrl", fresh.stream().map(Candidate::subscriptionUrl).toArray(String[]::new))
                .param("comment", fresh.stream().map(Candidate::comment).toArray(String[]::new))
                .param("created", ImportRun.instants(fresh, Candidate::created))
                .param("key", fresh.stream().map(Candidate::key).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    Candidate c = byClient.get(rs.getString(2));
                    inserted.put(c.key(), rs.getLong(1));
                    run.report.imported("keys");
                });
        return inserted;
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
