package dev.darkmaximus.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.billing.PaymentStatus.Move;

/**
 * SPEC §5.3 as a table: every status a payment can be in, against every status a provider can report. Written out
 * by hand rather than derived from the code, so a change to the rules has to change this table too.
 */
class PaymentStateMachineTest {

    // Columns, in this order: the observed status.
    private static final PaymentStatus[] OBSERVED = {PaymentStatus.PENDING, PaymentStatus.WAITING_FOR_CAPTURE,
            PaymentStatus.SUCCEEDED, PaymentStatus.CANCELED, PaymentStatus.EXPIRED, PaymentStatus.REFUNDED,
            PaymentStatus.PARTIALLY_REFUNDED};

    // M = moves there, = = already there (a duplicate: nothing to do), x = refused (logged, ignored).
    private static final String TABLE = """
            current              PEN WFC SUC CAN EXP REF PAR
            PENDING               =   M   M   M   M   x   x
            WAITING_FOR_CAPTURE   x   =   M   M   M   x   x
            SUCCEEDED             x   x   =   x   x   x   x
            CANCELED              x   x   M   =   x   x   x
            EXPIRED               x   x   M   x   =   x   x
            REFUNDED              x   x   =   x   x   =   x
            PARTIALLY_REFUNDED    x   x   =   x   x   x   =
            """;

    @Test
    void everyObservationInEveryStatusDoesWhatTheSpecSays() {
        List<String> wrong = new ArrayList<>();
        List<String> rows = TABLE.lines().skip(1).toList();
        assertThat(rows).as("one row per status").hasSize(PaymentStatus.values().length);
        for (String row : rows) {
            String[] cells = row.trim().split("\\s+");
            PaymentStatus current = PaymentStatus.valueOf(cells[0]);
            for (int i = 0; i < OBSERVED.length; i++) {
                Move expected = switch (cells[i + 1]) {
                    case "M" -> Move.MOVE;
                    case "=" -> Move.SAME;
                    default -> Move.REFUSE;
                };
                Move actual = current.onObserved(OBSERVED[i]);
                if (actual != expected) {
                    wrong.add(current + " + " + OBSERVED[i] + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSuccessAfterOurOwnExpiryIsStillMoneyReceived() {
        assertThat(PaymentStatus.EXPIRED.onObserved(PaymentStatus.SUCCEEDED)).isEqualTo(Move.MOVE);
        assertThat(PaymentStatus.CANCELED.onObserved(PaymentStatus.SUCCEEDED)).isEqualTo(Move.MOVE);
    }

    @Test
    void aLateCancelNeverUndoesMoneyReceived() {
        for (PaymentStatus paid : PaymentStatus.values()) {
            if (paid.paid()) {
                assertThat(paid.onObserved(PaymentStatus.CANCELED)).as(paid.name()).isEqualTo(Move.REFUSE);
                assertThat(paid.onObserved(PaymentStatus.EXPIRED)).as(paid.name()).isEqualTo(Move.REFUSE);
            }
        }
    }

    @Test
    void theMoneyReceivedListIsTheStatusesThatArePaid() {
        assertThat(PaymentStatus.PAID_SQL).isEqualTo("'SUCCEEDED', 'REFUNDED', 'PARTIALLY_REFUNDED'");
        assertThat(OrderStatus.WAS_PAID_SQL).isEqualTo("'PAID', 'FULFILLED', 'REFUNDED'");
    }
}
