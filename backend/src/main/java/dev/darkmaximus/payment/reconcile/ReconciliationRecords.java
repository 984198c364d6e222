package dev.darkmaximus.payment.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.billing.PaymentMethod;

/** The reconciliations table: one row per day and provider, replaced when the day is run again. */
@Repository
class ReconciliationRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReconciliationRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(ReconciliationView r) {
        jdbc.sql("""
                INSERT INTO reconciliations (day, provider, status, provider_count, shop_count, repaired,
                                             differences, error, ran_at)
                VALUES (:day, :provider, :status, :providerCount, :shopCount, :repaired, CAST(:differences AS jsonb),
                        :error, :ranAt)
                ON CONFLICT (day, provider) DO UPDATE SET status = EXCLUDED.status,
                    provider_count = EXCLUDED.provider_count, shop_count = EXCLUDED.shop_count,
                    repaired = EXCLUDED.repaired, differences = EXCLUDED.differences, error = EXCLUDED.error,
                    ran_at = EXCLUDED.ran_at""")
                .param("day", r.day()).param("provider", r.provider().name()).param("status", r.status().name())
                .param("providerCount", r.providerCount()).param("shopCount", r.shopCount())
                .param("repaired", r.repaired()).param("differences", json.writeValueAsString(r.differences()))
                .param("error", r.error()).param("ranAt", java.sql.Timestamp.from(r.ranAt()))
                .update();
    }

    /** The newest days first, every provider's row of each. */
    List<ReconciliationView> latest(int limit) {
        return jdbc.sql("SELECT * FROM reconciliations ORDER BY day DESC, provider LIMIT :limit")
                .param("limit", limit).query(this::row).list();
    }

    private ReconciliationView row(ResultSet rs, int n) throws SQLException {
        return new ReconciliationView(rs.getObject("day", LocalDate.class),
                PaymentMethod.valueOf(rs.getString("provider")),
                ReconciliationView.Status.valueOf(rs.getString("status")), rs.getInt("provider_count"),
                rs.getInt("shop_count"), rs.getInt("repaired"),
                json.readValue(rs.getString("differences"),
                        new TypeReference<List<ReconciliationView.Difference>>() { }),
                rs.getString("error"), rs.getTimestamp("ran_at").toInstant());
    }
}
