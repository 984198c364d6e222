package dev.darkmaximus.dm2import;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups, hosts and plans. DM2 names hosts by name only (often with a flag emoji in front) and plans by host name;
 * an existing group, host or plan of the same name is merged into, not duplicated.
 */
final class CatalogPass {

    private static final Pattern FLAG = Pattern.compile("^([\\x{1F1E6}-\\x{1F1FF}])([\\x{1F1E6}-\\x{1F1FF}])\\s*");
    private static final Pattern NUMBERS = Pattern.compile("\\d+");

    private final ImportRun run;
    /** DM2 (host name, plan name) → our plan, for keys and payments that name their plan. */
    final Map<String, Long> plansByName = new HashMap<>();
    /** DM2 host name and host code → our host. */
    final Map<String, Long> hosts = new HashMap<>();
    /** DM2 group and plan ids → ours (the map itself is keyed by names, which stay the same across DM2 files). */
    final Map<String, Long> groupsById = new HashMap<>();
    final Map<String, Long> plansById = new HashMap<>();

    CatalogPass(ImportRun run) {
        this.run = run;
    }

    void run() throws Exception {
        groups();
        Map<String, String> subscriptionBases = subscriptionBases();
        run.source.each("xui_hosts", "SELECT * FROM xui_hosts", row -> host(row, subscriptionBases));
        run.commit();
        run.source.each("plans", "SELECT * FROM plans ORDER BY plan_id", this::plan);
        run.commit();
    }

    static String planKey(String hostName, String planName) {
        return (hostName == null ? "" : hostName.strip()) + "\u0000" + (planName == null ? "" : planName.strip());
    }

    Long host(String hostNameOrCode) {
        return hostNameOrCode == null ? null : hosts.get(hostNameOrCode.strip());
    }

    private void groups() throws Exception {
        long defaultGroup = run.shop.sql("SELECT id FROM customer_groups WHERE is_default").query(Long.class).single();
        run.source.each("user_groups", "SELECT * FROM user_groups ORDER BY group_id", row -> {
            run.report.found("groups");
            String name = clip(row.text("group_name"), 100);
            String key = name.toLowerCase(Locale.ROOT);
            String dm2Id = row.text("group_id");
            Long earlier = run.mapped("group").get(key);
            if (earlier != null) {
                groupsById.put(dm2Id, earlier);
                run.report.alreadyImported("groups");
                return;
            }
            if (row.flag("is_default", false)) {
                groupsById.put(dm2Id, defaultGroup);
                run.map("group", key, defaultGroup);
                run.report.merged("groups", "\"" + name + "\" (DM2's default group) into the default group");
                return;
            }
            Optional<Long> existing = run.shop.sql("SELECT id FROM customer_groups WHERE lower(name) = lower(:n)")
                    .param("n", name).query(Long.class).optional();
            if (existing.isPresent()) {
                groupsById.put(dm2Id, existing.get());
                run.map("group", key, existing.get());
                run.report.merged("groups", "\"" + name + "\" into the group of that name");
                return;
            }
            long id = run.shop.sql("""
                            INSERT INTO customer_groups (name, description, created_at)
                            VALUES (:name, :description, COALESCE(:created, now())) RETURNING id""")
                    .param("name", name).param("description", row.text("group_description"))
                    .param("created", ts(run.times.serverLocal(row.text("created_date"))))
                    .query(Long.class).single();
            groupsById.put(dm2Id, id);
            run.map("group", key, id);
            run.report.imported("groups");
        });
        run.commit();
    }

    /** The subscription address of each host, read off a key's link: DM2 keeps it only as subURI + subId. */
    private Map<String, String> subscriptionBases() throws Exception {
        Map<String, String> bases = new HashMap<>();
        run.source.each("vpn_keys", """
                SELECT host_name, subscription, subscription_link FROM vpn_keys
                WHERE subscription IS NOT NULL AND subscription_link IS NOT NULL""", row -> {
            String link = row.text("subscription_link").strip();
            String sub = row.text("subscription").strip();
            if (!sub.isEmpty() && link.endsWith(sub) && link.length() > sub.length()) {
                bases.putIfAbsent(row.text("host_name").strip(), stripSlash(link.substring(0, link.length()
                        - sub.length())));
            }
        });
        return bases;
    }

    private void host(Dm2Source.Row row, Map<String, String> subscriptionBases) throws Exception {
        run.report.found("hosts");
        String dm2Name = row.text("host_name").strip();
        String code = row.text("host_code");
        String source = "\"" + dm2Name + "\"";
        Long earlier = run.mapped("host").get(dm2Name);
        if (earlier != null) {
            remember(dm2Name, code, earlier);
            run.report.alreadyImported("hosts");
            return;
        }
        Matcher flag = FLAG.matcher(dm2Name);
        String flagEmoji = null;
        String country = null;
        String name = dm2Name;
        if (flag.find()) {
            flagEmoji = flag.group(1) + flag.group(2);
            country = "" + (char) ('A' + flag.group(1).codePointAt(0) - 0x1F1E6)
                    + (char) ('A' + flag.group(2).codePointAt(0) - 0x1F1E6);
            name = dm2Name.substring(flag.end()).strip();
        }
        if (name.isEmpty()) {
            name = code == null || code.isBlank() ? dm2Name : code.strip();
        }
        name = clip(name, 100);
        URI url;
        try {
            url = URI.create(row.text("host_url").strip());
            if (url.getScheme() == null || url.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            run.report.skipped("hosts", source, "panel address \"" + row.text("host_url") + "\" is not a URL");
            return;
        }
        String base = url.getScheme() + "://" + url.getRawAuthority();
        String path = url.getRawPath() == null ? "" : stripSlash(url.getRawPath());
        // The same panel (address and path) is the same host whatever it is called; a host that only shares the
        // name is another server, so DM2's keys must not be put on it.
        List<Long> samePanel = run.shop.sql("""
                        SELECT id FROM hosts WHERE lower(base_url) = lower(:base)
                          AND COALESCE(web_base_path, '') = :path ORDER BY id""")
                .param("base", base).param("path", path).query(Long.class).list();
        if (!samePanel.isEmpty()) {
            run.map("host", dm2Name, samePanel.getFirst());
            remember(dm2Name, code, samePanel.getFirst());
            run.report.merged("hosts", source + " into the host with the same panel address (its settings kept)");
            return;
        }
        if (run.shop.sql("SELECT count(*) FROM hosts WHERE lower(name) = lower(:n)").param("n", name)
                .query(Long.class).single() > 0) {
            String taken = name;
            name = clip(name + " (" + (code == null || code.isBlank() ? "DM2" : code.strip()) + ")", 100);
            if (run.shop.sql("SELECT count(*) FROM hosts WHERE lower(name) = lower(:n)").param("n", name)
                    .query(Long.class).single() > 0) {
                run.report.skipped("hosts", source, "the names \"" + taken + "\" and \"" + name + "\" are both "
                        + "taken by hosts on other panels: rename one and run again");
                return;
            }
            run.report.problem("hosts", source, "\"" + taken + "\" is another panel here: imported as \"" + name
                    + "\"");
        }
        Long inbound = row.number("host_inbound_id");
        long id = run.shop.sql("""
                        INSERT INTO hosts (name, panel_type, base_url, web_base_path, username, password_enc,
                                           inbound_ids, subscription_base_url, country_code, flag)
                        VALUES (:name, 'XUI_V2', :base, :path, :username, :password, :inbounds, :sub, :country, :flag)
                        RETURNING id""")
                .param("name", name).param("base", base)
                .param("path", path.isEmpty() ? null : path).param("username", row.text("host_username"))
                .param("password", run.cipher.encrypt(row.text("host_pass")))
                .param("inbounds", inbound == null ? "" : inbound.toString())
                .param("sub", subscriptionBases.get(dm2Name)).param("country", country).param("flag", flagEmoji)
                .query(Long.class).single();
        if (inbound == null) {
            run.report.problem("hosts", source, "no inbound id: set it on the host before selling");
        }
        if (!subscriptionBases.containsKey(dm2Name)) {
            run.report.problem("hosts", source, "no key shows its subscription address: set it on the host");
        }
        run.map("host", dm2Name, id);
        remember(dm2Name, code, id);
        run.report.imported("hosts");
        run.done();
    }

    private void remember(String dm2Name, String code, long id) {
        hosts.put(dm2Name, id);
        if (code != null && !code.isBlank()) {
            hosts.putIfAbsent(code.strip(), id);
        }
    }

    private void plan(Dm2Source.Row row) throws Exception {
        run.report.found("plans");
        String dm2Id = row.text("plan_id");
        String hostName = row.text("host_name");
        String planName = clip(row.text("plan_name").strip(), 100);
        String key = planKey(hostName, row.text("plan_name")).replace('\u0000', '/');
        String source = "#" + dm2Id + " \"" + planName + "\"";
        Long earlier = run.mapped("plan").get(key);
        if (earlier != null) {
            remember(row, earlier);
            run.report.alreadyImported("plans");
            return;
        }
        Long hostId = host(hostName);
        if (hostId == null) {
            run.report.skipped("plans", source, "its host \"" + hostName + "\" is not in xui_hosts");
            return;
        }
        Optional<Long> existing = run.shop.sql("""
                        SELECT id FROM plans WHERE host_id = :host AND lower(name_ru) = lower(:name)
                        ORDER BY id LIMIT 1""")
                .param("host", hostId).param("name", planName).query(Long.class).optional();
        if (existing.isPresent()) {
            run.map("plan", key, existing.get());
            remember(row, existing.get());
            run.report.merged("plans", source + " into the plan of that name on its host");
            return;
        }
        Duration duration = duration(row, source);
        if (duration == null) {
            return;
        }
        Roubles price = Roubles.of(row.get("price"));
        if (price == null || price.kopecks() < 0) {
            run.report.skipped("plans", source, "price \"" + row.text("price") + "\" is not an amount");
            return;
        }
        run.report.amount("plan " + source + " price", price);
        Roubles traffic = Roubles.of(row.get("traffic_gb"));
        long trafficGb = traffic == null ? 0 : Math.max(0, traffic.whole());
        if (traffic != null && traffic.decimal().stripTrailingZeros().scale() > 0) {
            run.report.problem("plans", source, "traffic " + traffic.shown() + " GB rounded to " + trafficGb + " GB");
        }
        String display = row.text("display_mode") == null ? "all" : row.text("display_mode").strip();
        String visibility = display.equals("hidden_all") ? "HIDDEN" : "VISIBLE";
        String audience = switch (display) {
            case "hidden_new" -> "RETURNING_ONLY";
            case "hidden_old" -> "NEW_ONLY";
            default -> "ALL";
        };
        String mode = row.text("key_provision_mode") == null ? "key"
                : row.text("key_provision_mode").strip().toLowerCase(Locale.ROOT);
        if (!List.of("key", "subscription", "both", "cabinet", "cabinet_subscription").contains(mode)) {
            run.report.problem("plans", source, "provision mode \"" + mode + "\" unknown: imported as \"key\"");
            mode = "key";
        }
        long id = run.shop.sql("""
                        INSERT INTO plans (host_id, name_ru, name_en, duration_unit, duration_value, traffic_limit_gb,
                                           visibility, audience, display_order, provision_mode)
                        VALUES (:host, :name, :name, :unit, :value, :traffic, :visibility, :audience, :order, :mode)
                        RETURNING id""")
                .param("host", hostId).param("name", planName).param("unit", duration.unit())
                .param("value", duration.value()).param("traffic", trafficGb).param("visibility", visibility)
                .param("audience", audience).param("order", row.number("plan_id"))
                .param("mode", mode.toUpperCase(Locale.ROOT)).query(Long.class).single();
        run.shop.sql("INSERT INTO plan_prices (plan_id, currency, amount_minor) VALUES (:plan, 'RUB', :amount)")
                .param("plan", id).param("amount", price.kopecks()).update();
        String groups = row.text("display_mode_groups");
        if (groups != null && !groups.isBlank()) {
            Matcher numbers = NUMBERS.matcher(groups);
            while (numbers.find()) {
                Long group = groupsById.get(numbers.group());
                if (group == null) {
                    run.report.problem("plans", source, "visible to group " + numbers.group() + ", which DM2 lacks");
                    continue;
                }
                run.shop.sql("INSERT INTO plan_groups (plan_id, group_id) VALUES (:p, :g) ON CONFLICT DO NOTHING")
                        .param("p", id).param("g", group).update();
            }
        }
        run.map("plan", key, id);
        remember(row, id);
        run.report.imported("plans");
        run.done();
    }

    private void remember(Dm2Source.Row plan, long id) {
        plansByName.putIfAbsent(planKey(plan.text("host_name"), plan.text("plan_name")), id);
        plansById.put(plan.text("plan_id"), id);
    }

    private record Duration(String unit, long value) {
    }

    /** DM2 adds months, days and hours; we keep one unit: the one given, or days, or hours for a mix. */
    private Duration duration(Dm2Source.Row row, String source) {
        long months = orZero(row.number("months"));
        long days = orZero(row.number("days"));
        long hours = orZero(row.number("hours"));
        if (months < 0 || days < 0 || hours < 0 || months + days + hours == 0) {
            run.report.skipped("plans", source, "no duration (months " + months + ", days " + days + ", hours "
                    + hours + ")");
            return null;
        }
        if (days == 0 && hours == 0) {
            return new Duration("MONTHS", months);
        }
        if (months == 0 && hours == 0) {
            return new Duration("DAYS", days);
        }
        if (months == 0 && days == 0) {
            return new Duration("HOURS", hours);
        }
        if (hours == 0) {
            run.report.problem("plans", source, months + " months " + days + " days imported as " + (months * 30
                    + days) + " days");
            return new Duration("DAYS", months * 30 + days);
        }
        long total = (months * 30 + days) * 24 + hours;
        run.report.problem("plans", source, months + " months " + days + " days " + hours + " hours imported as "
                + total + " hours");
        return new Duration("HOURS", total);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.codePointCount(0, stripped.length()) <= max ? stripped
                : stripped.substring(0, stripped.offsetByCodePoints(0, max));
    }

    private static String stripSlash(String text) {
        String result = text;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    static java.sql.Timestamp ts(java.time.Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
