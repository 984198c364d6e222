package dev.darkmaximus.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** "Money was received" has one definition; the SQL list the reports and audiences use is built from it. */
class PaymentStatusTest {

    @Test
    void thePaidSqlListIsExactlyThePaidStatuses() {
        assertThat(PaymentStatus.PAID_SQL).isEqualTo("'SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED'");
        assertThat(Arrays.stream(PaymentStatus.values()).filter(PaymentStatus::paid))
                .allMatch(status -> PaymentStatus.PAID_SQL.contains("'" + status.name() + "'"));
    }
}
