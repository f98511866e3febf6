package id.rapor.cli;

import com.google.gson.GsonBuilder;
import id.rapor.client.Types;
import java.io.PrintStream;
import java.util.List;

/** Prints answers as readable tables, or as JSON with --json. */
final class Output {
    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    private boolean asJson(Object o) {
        if (json) out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o));
        return json;
    }

    void methodologies(List<Types.MethodologySummary> list) {
        if (asJson(list)) return;
        out.printf("%-16s %-10s %-11s %-10s %-8s %s%n", "ID", "FAMILY", "YEARS", "VERSION", "STATUS", "TITLE");
        for (var m : list) {
            String years = m.years() == null ? "" : m.years().from() + "-" + (m.years().to() == null ? "" : m.years().to());
            out.printf("%-16s %-10s %-11s %-10s %-8s %s%n", m.id(), nz(m.family()), years, m.version(), m.status(), nz(m.title()));
        }
    }

    void questionnaire(Types.Questionnaire q) {
        if (asJson(q)) return;
        out.println(q.title() + " — " + q.regulation() + " (version " + q.version() + ")");
        for (var a : q.aspects()) {
            out.printf("%n%s  %s  (%s%%)%n", a.id(), a.name(), a.weight().toPlainString());
            for (var i : a.indicators()) {
                String answers = i.range() != null ? i.range().min().toPlainString() + ".." + i.range().max().toPlainString()
                        : String.join("/", i.options().stream().map(o -> o.value().toPlainString()).toList());
                out.printf("  %-6s %-8s %6s%%  [%s]  %s%n", i.id(), i.code(), i.weight().toPlainString(), answers, i.name());
            }
        }
        out.println();
        for (var b : q.bands()) out.printf("%-6s %s–%s  %s%s%n", b.code(), b.min().toPlainString(), b.max().toPlainString(), b.label(),
                b.zone() == null ? "" : " (" + b.zone() + ")");
    }

    void score(Types.Score s) {
        if (asJson(s)) return;
        out.printf("%s: %s %s (%s)  [%s %s]%n", s.unit(), s.index().toPlainString(), s.band().code(), s.band().label(),
                s.methodology().id(), s.methodology().version());
        for (String line : s.explanation()) out.println("  " + line);
    }

    void region(Types.RegionScore r) {
        if (asJson(r)) return;
        var sum = r.summary();
        out.printf("%s: %s %s, %s of %d units scored (%s) [%s %s]%n", r.region(), sum.score() == null ? "-" : sum.score().toPlainString(),
                sum.band() == null ? "" : sum.band().code(), sum.scored(), sum.units(), sum.aggregation(), r.methodology().id(), r.methodology().version());
        out.println("units per band: " + sum.unitsPerBand());
        if (sum.atOrBelow() != null) out.println("at or below " + sum.atOrBelow().band() + ": " + String.join(", ", sum.atOrBelow().units()));
        for (var u : r.units()) {
            if (u.scored()) out.printf("  %-40s %8s %s%n", u.unit(), u.index().toPlainString(), u.band().code());
            else out.printf("  %-40s not scored: %s%n", nz(u.unit()), String.join("; ", u.errors().stream().map(e -> e.field() + ": " + e.message()).toList()));
        }
    }

    void deployments(List<Types.Deployment> list) {
        if (asJson(list)) return;
        for (var d : list) {
            out.printf("%-16s %-32s %-10s %s%n", d.methodology(), d.bundle(), d.version(), d.state());
            for (var e : d.errors()) out.printf("    %s:%d: %s%n", e.file(), e.line(), e.message());
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
