package dev.darkmaximus.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.darkmaximus.catalog.Audience;
import dev.darkmaximus.catalog.DurationUnit;
import dev.darkmaximus.catalog.ProvisionMode;
import dev.darkmaximus.catalog.Visibility;
import dev.darkmaximus.platform.money.Currency;

/**
 * Plan lists in three queries (plans, then all their prices, then all their group limits) instead of the two extra
 * queries per plan that loading each aggregate would cost: the storefront reads this on every visit.
 */
@Repository
public class PlanListings {

    private final JdbcClient jdbc;

    public PlanListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Visible, non-trial plans: what may be sold. */
    public List<Plan> onSale() {
        return assemble(jdbc.sql("""
                SELECT * FROM plans WHERE visibility = 'VISIBLE' AND NOT trial
                ORDER BY host_id, display_order, id""").query(PlanListings::plan).list());
    }

    /** Every plan, or those of one host, for admins. */
    public List<Plan> all(Long hostId) {
        return assemble(jdbc.sql("""
                SELECT * FROM plans WHERE CAST(:hostId AS bigint) IS NULL OR host_id = CAST(:hostId AS bigint)
                ORDER BY host_id, display_order, id""").param("hostId", hostId).query(PlanListings::plan).list());
    }

    private List<Plan> assemble(List<Plan> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        List<Long> ids = bare.stream().map(Plan::id).toList();
        Map<Long, Set<PlanPrice>> prices = new HashMap<>();
        jdbc.sql("SELECT plan_id, currency, amount_minor FROM plan_prices WHERE plan_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    prices.computeIfAbsent(rs.getLong("plan_id"), id -> new HashSet<>()).add(
                            new PlanPrice(Currency.valueOf(rs.getString("currency")), rs.getLong("amount_minor")));
                });
        Map<Long, Set<PlanGroup>> groups = new HashMap<>();
        jdbc.sql("SELECT plan_id, group_id FROM plan_groups WHERE plan_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    groups.computeIfAbsent(rs.getLong("plan_id"), id -> new HashSet<>())
                            .add(new PlanGroup(rs.getLong("group_id")));
                });
        List<Plan> complete = new ArrayList<>(bare.size());
        for (Plan p : bare) {
            complete.add(new Plan(p.id(), p.hostId(), p.nameRu(), p.nameEn(), p.durationUnit(), p.durationValue(),
                    p.trafficLimitGb(), p.deviceLimit(), p.visibility(), p.audience(), p.displayOrder(),
                    p.provisionMode(), p.trial(), p.squads(), prices.getOrDefault(p.id(), Set.of()),
                    groups.getOrDefault(p.id(), Set.of()), p.createdAt(), p.updatedAt(), p.version()));
        }
        return complete;
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getLong("host_id"), rs.getString("name_ru"), rs.getString("name_en"),
                DurationUnit.valueOf(rs.getString("duration_unit")), rs.getInt("duration_value"),
                rs.getInt("traffic_limit_gb"), rs.getInt("device_limit"), Visibility.valueOf(rs.getString("visibility")),
                Audience.valueOf(rs.getString("audience")), rs.getInt("display_order"),
                ProvisionMode.valueOf(rs.getString("provision_mode")), rs.getBoolean("trial"), rs.getString("squads"),
                Set.of(), Set.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
