/**
 * Moving a Dark Maximus 2 shop over (SPEC §18, docs/migrating-from-dm2.md): reads DM2's SQLite {@code users.db} and
 * writes hosts, plans, groups, customers, balances, keys, historic payments, promo codes and settings into this
 * shop, with a dry run first and a report of every merge, rounding and problem.
 *
 * <p>It writes rows with SQL, as a restore does, not through the services: a service would provision the keys, pay
 * referral rewards and send messages, and an import must do none of that. What it imported is recorded in
 * {@code dm2_import_map} in the same transaction as the rows, so a second run skips it and a run cut off halfway
 * goes on from its last committed batch.
 */
@ApplicationModule(displayName = "DM2 import")
package dev.darkmaximus.dm2import;

import org.springframework.modulith.ApplicationModule;
