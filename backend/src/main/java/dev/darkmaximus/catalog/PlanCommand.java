package dev.darkmaximus.catalog;

import java.util.List;

import dev.darkmaximus.platform.money.Money;

/** What an admin submits to create or change a plan; {@code squads} null keeps the stored ones (none on create). */
public record PlanCommand(long hostId, String nameRu, String nameEn, DurationUnit durationUnit, int durationValue,
                          int trafficLimitGb, int deviceLimit, List<Money> prices, Visibility visibility,
                          Audience audience, List<Long> groupIds, int displayOrder, ProvisionMode provisionMode,
                          boolean trial, List<String> squads) {
}
