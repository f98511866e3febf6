package id.rapor.cli;

import id.rapor.client.Types;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The answers as readable tables; numbers are printed as the server wrote them. */
final class Tables {
    private final PrintStream out;

    Tables(PrintStream out) {
        this.out = out;
    }

    void methodologies(List<Types.MethodologySummary> list) {
        String row = "%-16s %-10s %-10s %-9s %-8s %s%n";
        out.printf(row, "ID", "FAMILY", "YEARS", "VERSION", "STATUS", "TITLE");
        for (var m : list) out.printf(row, m.id(), text(m.family()), years(m.years()), m.version(), m.status(), text(m.title()));
    }

    void questionnaire(Types.Questionnaire q) {
        out.println(q.id() + " " + q.version() + " — " + q.title());
        out.println(q.regulation());
        out.println("years " + years(q.years()) + "; scale " + number(q.scale().min()) + "–" + number(q.scale().max())
                + (q.takesRespondents() ? "; answered by respondents" : "") + "; a region's score is its units' " + q.aggregation());
        // An indicator's weight is relative to its aspect's others (percent for PEKPPP, 1 each for SKM), so no % sign.
        String indicator = "  %-10s %-8s %6s  %-14s %s%n";
        for (var a : q.aspects()) {
            out.printf("%n%s  %s  (%s%% of the index)%n", a.id(), a.name(), number(a.weight()));
            out.printf(indicator, "INDICATOR", "CODE", "WEIGHT", "ANSWERS", "QUESTION");
            for (var i : a.indicators()) out.printf(indicator, i.id(), text(i.code()), number(i.weight()), answers(i), i.name());
        }
        out.println();
        out.println("bands:");
        for (var b : q.bands()) {
            out.printf("  %-4s %-13s %s%s%n", b.code(), number(b.min()) + "–" + number(b.max()), b.label(), b.zone() == null ? "" : " (" + b.zone() + ")");
        }
        out.println("provenance (C confirmed, S single source, U unconfirmed):");
        for (var p : q.provenance()) out.printf("  [%s] %s: %s%n", p.confidence(), p.subject(), p.source());
    }

    void score(Types.Score s) {
        out.printf("%s: %s %s  [%s %s]%n", s.unit(), number(s.index()), band(s.band()), s.methodology().id(), s.methodology().version());
        for (String line : s.explanation()) out.println("  " + line);
    }

    void region(Types.RegionScore r) {
        var sum = r.summary();
        out.printf("%s: %s, %d of %d units scored (%s)  [%s %s]%n", r.region(),
                sum.score() == null ? "no score" : number(sum.score()) + " " + band(sum.band()),
                sum.scored(), sum.units(), sum.aggregation(), r.methodology().id(), r.methodology().version());
        out.println("units per band: " + sum.unitsPerBand().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        if (sum.atOrBelow() != null) {
            out.println("at or below " + sum.atOrBelow().band() + ": "
                    + (sum.atOrBelow().units().isEmpty() ? "none" : String.join("; ", sum.atOrBelow().units())));
        }
        for (int k = 0; k < r.units().size(); k++) {
            var u = r.units().get(k);
            String name = u.unit() != null ? u.unit() : "(unit " + (k + 1) + ")";
            if (u.scored()) out.printf("  %-40s %8s %s%n", name, number(u.index()), band(u.band()));
            // The row already names the unit: its fields need no "units[k]." path.
            else out.printf("  %-40s not scored: %s%n", name, u.errors().stream()
                    .map(e -> e.field().replaceFirst("^units\\[\\d+]\\.", "") + ": " + e.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    void deployments(List<Types.Deployment> list) {
        String row = "%-16s %-32s %-10s %-9s %s%n";
        out.printf(row, "METHODOLOGY", "BUNDLE", "VERSION", "STATE", "SERVING");
        for (var d : list) {
            String serving = d.overriddenBy() != null ? d.overriddenBy() + " (a revision, in place of the bundles)" : text(d.servedVersion());
            out.printf(row, d.methodology(), d.bundle(), d.version(), d.state(), serving);
            for (var e : d.errors()) out.printf("    %s:%d:%d: %s%n", e.file(), e.line(), e.column(), e.message());
        }
    }

    private static String band(Types.BandRef b) {
        return b.code() + " (" + b.label() + (b.zone() == null ? "" : ", " + b.zone()) + ")";
    }

    private static String answers(Types.Indicator i) {
        if (i.range() != null) return number(i.range().min()) + ".." + number(i.range().max());
        return i.options().stream().map(o -> number(o.value())).collect(Collectors.joining("/"));
    }

    private static String years(Types.Years y) {
        return y == null ? "" : y.from() + "–" + (y.to() == null ? "" : y.to());
    }

    private static String number(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
