package dev.darkmaximus.dm2import.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.darkmaximus.dm2import.Dm2Report;

/** What a DM2 import did or, in a dry run, would do. */
@Schema(name = "Dm2ImportReport")
record Dm2ImportResponse(
        @Schema(description = "True when nothing was changed: the report is what an apply would do.")
        boolean dryRun,
        @Schema(description = "Per kind of record (groups, hosts, plans, customers, keys, payments, promo codes, "
                + "settings), in the order they are imported.")
        List<Dm2ImportCount> counts,
        @Schema(description = "Main balances imported, in kopecks.") long balanceKopecks,
        @Schema(description = "Referral balances imported, in kopecks.") long referralKopecks,
        @Schema(description = "Historic payments imported, in kopecks.") long paymentsKopecks,
        @Schema(description = "DM2 amounts that had to be rounded to kopecks (what, as DM2 showed it, → as "
                + "imported): the first 1,000.") List<String> roundings,
        @Schema(description = "Records merged into what the shop already had: the first 1,000.")
        List<String> merges,
        @Schema(description = "Records not imported or imported differently, and why: the first 1,000.")
        List<String> problems,
        @Schema(description = "The report as text, as the command line prints it (each list its first 1,000).",
                requiredMode = Schema.RequiredMode.REQUIRED) String text) {

    /** How many records of one kind DM2 had and what became of them. */
    record Dm2ImportCount(@Schema(example = "customers", requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                          int found, int imported, int merged,
                          @Schema(description = "Imported by an earlier run.") int alreadyImported, int skipped) {
    }

    static Dm2ImportResponse from(Dm2Report report) {
        return new Dm2ImportResponse(report.dryRun(), report.kinds().stream().map(kind -> {
            Dm2Report.Tally t = report.tally(kind);
            return new Dm2ImportCount(kind, t.found(), t.imported(), t.merged(), t.alreadyImported(), t.skipped());
        }).toList(), report.balanceKopecks(), report.referralKopecks(), report.paymentsKopecks(), report.roundings(),
                report.merges(), report.problems(), report.text(false));
    }
}
