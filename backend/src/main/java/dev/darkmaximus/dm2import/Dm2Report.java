package dev.darkmaximus.dm2import;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did or, in a dry run, would do: per kind of record how many DM2 had, how many were imported, merged
 * into what the shop already had, already imported by an earlier run, or skipped; every problem; every amount that
 * needed rounding; money before and after, per customer and overall.
 */
public final class Dm2Report {

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

    /** Money of one customer, as DM2 showed it and as imported (kopecks). */
    record Money(long telegramId, String dm2Balance, long balanceKopecks, String dm2Referral, long referralKopecks) {
    }

    private final boolean dryRun;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();
    private final List<String> roundings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Money> money = new ArrayList<>();
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

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> roundings() {
        return List.copyOf(roundings);
    }

    public List<String> merges() {
        return List.copyOf(merges);
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
        money.add(new Money(telegramId, balance == null ? "0" : balance.shown(), balanceImported,
                referral == null ? "0" : referral.shown(), referralImported));
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
        section(out, "Amounts rounded to kopecks", roundings);
        section(out, "Merged into what the shop already had", merges);
        section(out, "Problems", problems);
        section(out, "Notes", notes);
        if (everyCustomer && !money.isEmpty()) {
            out.append("\nPer customer (Telegram id: DM2 balance → imported; DM2 referral → imported)\n");
            for (Money m : money) {
                out.append(m.telegramId()).append(": ").append(m.dm2Balance()).append(" → ")
                        .append(Roubles.kopecksShown(m.balanceKopecks())).append("; ").append(m.dm2Referral())
                        .append(" → ").append(Roubles.kopecksShown(m.referralKopecks())).append('\n');
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append('\n').append(title).append(": ").append(lines.isEmpty() ? "none" : lines.size()).append('\n');
        lines.forEach(line -> out.append("  - ").append(line).append('\n'));
    }
}
