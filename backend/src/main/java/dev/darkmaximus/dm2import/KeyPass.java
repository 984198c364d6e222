package dev.darkmaximus.dm2import;

import static dev.darkmaximus.dm2import.CatalogPass.clip;
import static dev.darkmaximus.dm2import.CatalogPass.ts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Keys, with their panel identity exactly as DM2 made it (client email, client UUID, subId), so every customer's
 * link keeps working and the next sync finds our key's client on the panel instead of creating or deleting one.
 * Nothing is sent to a panel: the import only records what the panels already hold.
 */
final class KeyPass {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportRun run;
    private final CatalogPass catalog;
    /** DM2 key ids → ours, for payments that name their key. */
    final Map<String, Long> keysById = new HashMap<>();

    KeyPass(ImportRun run, CatalogPass catalog) {
        this.run = run;
        this.catalog = catalog;
    }

    void run() throws Exception {
        run.source.each("vpn_keys", "SELECT * FROM vpn_keys ORDER BY user_id, key_id", this::key);
        run.commit();
    }

    private void key(Dm2Source.Row row) throws Exception {
        run.report.found("keys");
        String dm2Id = row.text("key_id");
        String email = row.text("key_email") == null ? "" : row.text("key_email").strip();
        String key = (row.text("host_name") == null ? "" : row.text("host_name").strip()) + "/" + email;
        String source = "#" + dm2Id + " " + email;
        Long earlier = run.mapped("key").get(key);
        if (earlier != null) {
            keysById.put(dm2Id, earlier);
            run.report.alreadyImported("keys");
            return;
        }
        Long customer = run.mapped("customer").get(String.valueOf(row.number("user_id")));
        if (customer == null) {
            run.report.skipped("keys", source, "its owner " + row.text("user_id") + " is not a DM2 customer");
            return;
        }
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
        String subscription = row.text("subscription") == null ? "" : row.text("subscription").strip();
        // One round trip for what decides this key: the same email on the host, its client id or subId elsewhere,
        // and the owner's next key number.
        Lookup found = run.shop.sql("""
                        SELECT (SELECT id FROM vpn_keys
                                WHERE host_id = :host AND lower(panel_email) = lower(:email)) AS existing,
                               EXISTS (SELECT 1 FROM vpn_keys WHERE panel_client_uuid = :uuid) AS uuid_taken,
                               EXISTS (SELECT 1 FROM vpn_keys WHERE subscription_id = :sub) AS sub_taken,
                               (SELECT COALESCE(max(number), 0) + 1 FROM vpn_keys WHERE customer_id = :c) AS next""")
                .param("host", host).param("email", email)
                .param("uuid", client == null ? new UUID(0, 0) : client).param("sub", subscription)
                .param("c", customer)
                .query((rs, n) -> new Lookup((Long) rs.getObject("existing"), rs.getBoolean("uuid_taken"),
                        rs.getBoolean("sub_taken"), rs.getLong("next"))).single();
        if (found.existing() != null) {
            keysById.put(dm2Id, found.existing());
            run.map("key", key, found.existing());
            run.report.merged("keys", source + " into the key with that panel email on its host");
            run.done();
            return;
        }
        if (client == null) {
            run.report.skipped("keys", source, "client id \"" + row.text("xui_client_uuid") + "\" is not a UUID");
            return;
        }
        if (email.isEmpty() || email.length() > 128) {
            run.report.skipped("keys", source, "panel email empty or longer than 128 characters");
            return;
        }
        if (found.uuidTaken()) {
            run.report.skipped("keys", source, "client id " + client + " belongs to another key here");
            return;
        }
        if (subscription.isEmpty() || subscription.length() > 32 || found.subTaken()) {
            String given = HexFormat.of().formatHex(random());
            run.report.problem("keys", source, (subscription.isEmpty() ? "no subId" : "subId \"" + subscription
                    + "\" unusable here") + ": given " + given + ", so this key's subscription link changes");
            subscription = given;
        }
        Instant expires = run.times.utc(row.text("expiry_date"));
        Instant starts = run.times.utc(row.text("start_date"));
        Instant created = run.times.utc(row.text("created_date"));
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
        if (expires == null) {
            run.report.problem("keys", source, "no expiry date: imported as expired");
        }
        Long plan = catalog.plansByName.get(CatalogPass.planKey(row.text("host_name"), row.text("plan_name")));
        long number = found.next();
        long id = run.shop.sql("""
                        WITH k AS (
                        INSERT INTO vpn_keys (customer_id, host_id, plan_id, number, panel_email, panel_client_uuid,
                                              subscription_id, status, trial, enabled, starts_at, expires_at,
                                              auto_renew, connection_link, subscription_url, comment, created_at)
                        VALUES (:customer, :host, :plan, :number, :email, :uuid, :sub, :status, :trial, :enabled,
                                :starts, :expires, :renew, :link, :subUrl, :comment,
                                COALESCE(CAST(:created AS TIMESTAMPTZ), now()))
                        RETURNING id),
                        m AS (INSERT INTO dm2_import_map (kind, source_key, target_id) SELECT 'key', :key, k.id FROM k)
                        SELECT id FROM k""")
                .param("customer", customer).param("host", host).param("plan", plan).param("number", number)
                .param("email", email).param("uuid", client).param("sub", subscription).param("status", status)
                .param("trial", row.flag("is_trial", false)).param("enabled", !status.equals("DISABLED"))
                .param("starts", ts(starts)).param("expires", ts(expires))
                .param("renew", row.flag("auto_renewal_enabled", true) ? "INHERIT" : "OFF")
                .param("link", row.text("connection_string"))
                .param("subUrl", clip(row.text("subscription_link"), 500))
                .param("comment", clip(row.text("comment"), 500)).param("created", ts(created)).param("key", key)
                .query(Long.class).single();
        keysById.put(dm2Id, id);
        run.mapped("key").put(key, id);
        run.report.imported("keys");
        run.done();
    }

    private record Lookup(Long existing, boolean uuidTaken, boolean subTaken, long next) {
    }

    private static byte[] random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
