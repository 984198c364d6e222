package dev.darkmaximus.platform.settings.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A typed shop setting (SPEC §13). Secret values are stored encrypted by the settings service. */
@Table("settings")
public record Setting(@Id String key, String value, ValueType valueType, boolean secret, String updatedBy,
                      Instant updatedAt) {

    public enum ValueType { STRING, INT, BOOL, DURATION, MONEY, JSON }
}
