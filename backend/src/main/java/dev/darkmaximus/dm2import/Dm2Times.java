package dev.darkmaximus.dm2import;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * DM2's timestamps, as its reference says: key expiry and start are naive UTC; transaction times are Moscow time
 * (written with their +03:00 offset, or naive from older versions); registration and promo times are the server's
 * local time, naive (UTC in DM2's Docker image; {@code --dm2-zone} when the server ran elsewhere).
 */
final class Dm2Times {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final ZoneId serverZone;

    Dm2Times(ZoneId serverZone) {
        this.serverZone = serverZone;
    }

    Instant utc(String value) {
        return parse(value, ZoneId.of("UTC"));
    }

    Instant moscow(String value) {
        return parse(value, MOSCOW);
    }

    Instant serverLocal(String value) {
        return parse(value, serverZone);
    }

    /** Null for NULL or a value that is not a timestamp; an offset in the value wins over the zone. */
    static Instant parse(String value, ZoneId naiveZone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(naiveZone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(naiveZone).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }
}
