package dev.darkmaximus.payment.stars;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Finding the first of Telegram's Star transactions in a day (the list runs oldest first with no date filter):
 * every list length and every cut point, against a plain scan, in few probes.
 */
class StarsWindowSearchTest {

    @Test
    void findsTheFirstTransactionNotBeforeTheDayForEveryLengthAndCut() {
        for (int length = 0; length <= 300; length++) {
            for (int cut = 0; cut <= length; cut++) {
                int size = length;
                int firstInDay = cut;
                AtomicInteger probes = new AtomicInteger();
                int found = StarsProvider.firstNotBefore(offset -> {
                    probes.incrementAndGet();
                    return offset < size && offset < firstInDay; // past the end: no transaction, not "before"
                });
                assertThat(found).as("length %d, cut %d", length, cut).isEqualTo(cut);
                // Two probes per doubling at most: logarithmic, not a page per hundred transactions.
                assertThat(probes.get()).as("probes for length %d", length)
                        .isLessThanOrEqualTo(2 * (32 - Integer.numberOfLeadingZeros(length + 1)) + 2);
            }
        }
    }

    @Test
    void aMillionTransactionsTakeAboutFortyProbes() {
        AtomicInteger probes = new AtomicInteger();
        int found = StarsProvider.firstNotBefore(offset -> {
            probes.incrementAndGet();
            return offset < 987_654;
        });
        assertThat(found).isEqualTo(987_654);
        assertThat(probes.get()).isLessThanOrEqualTo(42);
    }
}
