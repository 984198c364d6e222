package dev.darkmaximus.catalog.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The storefront's version, bumped by database triggers on every change to what is on sale (migration 017). */
@Repository
public class CatalogVersion {

    private final JdbcClient jdbc;

    public CatalogVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current() {
        return jdbc.sql("SELECT version FROM catalog_version WHERE id = 1").query(Long.class).single();
    }
}
