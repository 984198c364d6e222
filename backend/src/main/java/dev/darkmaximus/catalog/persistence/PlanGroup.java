package dev.darkmaximus.catalog.persistence;

import org.springframework.data.relational.core.mapping.Table;

/** A customer group a plan is limited to; none means every group. */
@Table("plan_groups")
public record PlanGroup(long groupId) {
}
