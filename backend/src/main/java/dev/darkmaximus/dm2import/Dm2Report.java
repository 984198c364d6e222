package dev.darkmaximus.dm2import;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What an import did or, in a dry run, would do: per kind of record how many DM2 had, how many were imported, merged
 * into what the shop already had, already imported by an earlier run, or skipped; every problem; every amount that
 * needed rounding; money before and after, per customer and overall.
 */
public final class Dm2Report implements AutoCloseable {

    /** The counts of one kind of record. */
    public static final class Tally {
        private int found;
        private int imported;
        private int merged;
        private int alreadyImported;
        private int skipped;

        public int found() {
            return found;
        }

        public int imported() {
            return imported;
        }

        public int merged() {
            return merged;
        }

        public int alreadyImported() {
            return alreadyImported;
        }

        public int skipped() {
            return skipped;
        }
    }

    private final boolean dryRun;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Spool problems = new Spool();
    private final Spool merges = new Spool();
    private final Spool roundings = new Spool();
    private final Spool notes = new Spool();
    private final Spool money = new Spool();
    private long dm2BalanceCents;
    private long balanceKopecks;
    private long dm2ReferralCents;
    private long referralKopecks;
    private long paymentsKopecks;

    Dm2Report(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The kinds of record this run met, in the order it imported them. */
    public List<String> kinds() {
        return List.copyOf(tallies.keySet());
    }

    public Tally tally(String kind) {
        return tallies.computeIfAbsent(kind, k -> new Tally());
    }

    /** The first {@value Spool#KEPT} problems; {@link #text(boolean)} with every one. */
    public List<String> problems() {
        return problems.first();
    }

    /** The first {@value Spool#KEPT} roundings; {@link #text(boolean)} with every one. */
    public List<String> roundings() {
        return roundings.first();
    }

    /** The first {@value Spool#KEPT} merges; {@link #text(boolean)} with every one. */
    public List<String> merges() {
        return merges.first();
    }

    public int problemCount() {
        return problems.count();
    }

    public long balanceKopecks() {
        return balanceKopecks;
    }

    public long referralKopecks() {
        return referralKopecks;
    }

    public long paymentsKopecks() {
        return paymentsKopecks;
    }

    void found(String kind) {
        tally(kind).found++;
    }

    void imported(String kind) {
        tally(kind).imported++;
    }

    void alreadyImported(String kind) {
        tally(kind).alreadyImported++;
    }

    void merged(String kind, String what) {
        tally(kind).merged++;
        merges.add(kind + " " + what);
    }

    void skipped(String kind, String source, String why) {
        tally(kind).skipped++;
        problems.add(kind + " " + source + ": " + why + " (not imported)");
    }

    void problem(String kind, String source, String what) {
        problems.add(kind + " " + source + ": " + what);
    }

    void note(String text) {
        notes.add(text);
    }

    /** Records a DM2 amount; lists it when kopecks had to round it. */
    void amount(String what, Roubles value) {
        if (value.rounded()) {
            roundings.add(what + ": " + value.shown() + " → " + Roubles.kopecksShown(value.kopecks()));
        }
    }

    void money(long telegramId, Roubles balance, long balanceImported, Roubles referral, long referralImported) {
        if (balanceImported != 0 || referralImported != 0 || balance != null && balance.kopecks() != 0
                || referral != null && referral.kopecks() != 0) {
            money.add(telegramId + ": " + (balance == null ? "0" : balance.shown()) + " → "
                    + Roubles.kopecksShown(balanceImported) + "; " + (referral == null ? "0" : referral.shown())
                    + " → " + Roubles.kopecksShown(referralImported));
        }
        dm2BalanceCents += balance == null ? 0 : balance.kopecks();
        dm2ReferralCents += referral == null ? 0 : referral.kopecks();
        balanceKopecks += balanceImported;
        referralKopecks += referralImported;
    }

    void payment(long kopecks) {
        paymentsKopecks += kopecks;
    }

    /** The whole report as text, for the console and the {@code --report} file. */
    public String text(boolean everyCustomer) {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dark Maximus 2 import: DRY RUN, nothing was changed\n\n"
                : "Dark Maximus 2 import: applied\n\n");
        out.append(String.format("%-18s %8s %9s %8s %9s %8s%n", "", "in DM2", "imported", "merged", "earlier",
                "skipped"));
        tallies.forEach((kind, t) -> out.append(String.format("%-18s %8d %9d %8d %9d %8d%n", kind, t.found,
                t.imported, t.merged, t.alreadyImported, t.skipped)));
        out.append("\nMoney (roubles)       DM2, rounded   imported\n");
        out.append(String.format("main balances      %15s %10s%n", Roubles.kopecksShown(dm2BalanceCents),
                Roubles.kopecksShown(balanceKopecks)));
        out.append(String.format("referral balances  %15s %10s%n", Roubles.kopecksShown(dm2ReferralCents),
                Roubles.kopecksShown(referralKopecks)));
        out.append(String.format("historic payments  %15s %10s%n", "", Roubles.kopecksShown(paymentsKopecks)));
        section(out, "Amounts rounded to kopecks", roundings, everyCustomer);
        section(out, "Merged into what the shop already had", merges, everyCustomer);
        section(out, "Problems", problems, everyCustomer);
        section(out, "Notes", notes, everyCustomer);
        if (everyCustomer && money.count() > 0) {
            out.append("\nPer customer (Telegram id: DM2 balance → imported; DM2 referral → imported)\n");
            money.each(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    /** Deletes the report's spooled lines; the counts and the first lines stay readable. */
    @Override
    public void close() {
        for (Spool spool : List.of(problems, merges, roundings, notes, money)) {
            spool.close();
        }
    }

    private static void section(StringBuilder out, String title, Spool lines, boolean all) {
        out.append('\n').append(title).append(": ").append(lines.count() == 0 ? "none" : lines.count()).append('\n');
        if (all) {
            lines.each(line -> out.append("  - ").append(line).append('\n'));
        } else {
            lines.first().forEach(line -> out.append("  - ").append(line).append('\n'));
            if (lines.count() > Spool.KEPT) {
                out.append("  … and ").append(lines.count() - Spool.KEPT).append(" more in the full report\n");
            }
        }
    }

    /**
     * Lines of one section: the first {@value #KEPT} in memory (for the screen and the API), every one in a temporary
     * file (for the full report), so a shop of 100,000 customers doesn't hold 100,000 lines in the heap.
     */
    private static final class Spool {
        static final int KEPT = 1_000;

        private final List<String> first = new ArrayList<>();
        private int count;
        private Path file;
        private BufferedWriter writer;

        void add(String line) {
            count++;
            if (first.size() < KEPT) {
                first.add(line);
            }
            try {
                if (writer == null) {
                    file = Files.createTempFile("dm2-report-", ".txt");
                    file.toFile().deleteOnExit();
                    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                }
                writer.write(line.replace('\n', ' '));
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int count() {
            return count;
        }

        List<String> first() {
            return List.copyOf(first);
        }

        void each(Consumer<String> consumer) {
            if (writer == null) {
                return;
            }
            try {
                writer.flush();
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    lines.forEach(consumer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            if (writer != null) {
                try {
                    writer.close();
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file: the system's clean-up removes it
                }
                writer = null;
            }
        }
    }
}
