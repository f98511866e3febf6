package id.rapor.cli;

import id.rapor.client.Types;
import id.rapor.exchange.sheet.CsvDialect;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;

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

    void region(Types.RegionScore r, UnitsFile file) {
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
        // As wide as the longest name, so a long one does not push its row's numbers out of line.
        int width = 4;
        for (int k = 0; k < r.units().size(); k++) width = Math.max(width, unitName(r, k).length());
        String scored = "  %-" + width + "s %8s %s%n";
        String refused = "  %-" + width + "s not scored: %s%n";
        for (int k = 0; k < r.units().size(); k++) {
            var u = r.units().get(k);
            if (u.scored()) out.printf(scored, unitName(r, k), number(u.index()), band(u.band()));
            else out.printf(refused, unitName(r, k), errors(file, k, u.errors()));
        }
    }

    /** Each unit as a CSV row (unit, index, band, label, errors), written as the input file was: a semicolon file gets decimal commas. */
    void regionCsv(Types.RegionScore r, UnitsFile file) {
        CsvDialect c = file.csv().convention();
        try (CSVPrinter csv = new CSVPrinter(new NoClose(out), c.format())) {
            csv.printRecord("unit", "index", "band", "label", "errors");
            for (int k = 0; k < r.units().size(); k++) {
                var u = r.units().get(k);
                csv.printRecord(unitName(r, k), c.format(u.index()), u.band() == null ? "" : u.band().code(),
                        u.band() == null ? "" : u.band().label(), u.scored() ? "" : errors(file, k, u.errors()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void impact(int number, Types.Impact i, UnitsFile file) {
        out.printf("%s revision %d (%s) against %s, which serves: %d unit(s) change, %d do not%s%n", i.methodology(), number,
                i.candidateVersion(), i.activeVersion(), i.changed().size(), i.unchanged(),
                i.errors().isEmpty() ? "" : ", " + i.errors().size() + " not scored");
        int width = 4;
        for (var c : i.changed()) width = Math.max(width, c.unit().length());
        for (var e : i.errors()) width = Math.max(width, text(e.unit()).length());
        String row = "  %-" + width + "s %-12s %-12s %s%n";
        if (!i.changed().isEmpty()) out.printf(row, "UNIT", "NOW", "REVISION " + number, "DELTA");
        for (var c : i.changed()) {
            out.printf(row, c.unit(), number(c.before().index()) + " " + c.before().band(), number(c.after().index()) + " " + c.after().band(),
                    number(c.delta()));
        }
        for (var e : i.errors()) {
            int k = file.unitOf(e.unit(), e.errors());
            out.printf("  %-" + width + "s not scored: %s%n", text(e.unit()), k < 0
                    ? e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "))
                    : errors(file, k, e.errors()));
        }
    }

    void revisions(List<Types.Revision> list) {
        if (list.isEmpty()) {
            out.println("no revisions: the rule bundles serve (revision 0)");
            return;
        }
        String row = "%-4s %-11s %-16s %-20s %-10s %s%n";
        out.printf(row, "REV", "STATE", "VERSION", "TIME", "AUTHOR", "COMMENT");
        for (var r : list) {
            out.printf(row, r.revision(), r.state(), r.version(), r.time(), r.author(), r.comment());
            ruleErrors(r.errors());
        }
    }

    void proposed(Types.Revision r) {
        if (r.sameAs() != null) {
            out.printf("the same files as revision %d (%s): nothing new was stored%n", r.sameAs(), r.state());
            return;
        }
        out.printf("revision %d: %s, version %s%n", r.revision(), r.state(), r.version());
        ruleErrors(r.errors());
        if (!r.goldenChanges().isEmpty()) {
            out.println("golden cases whose numbers only moved with the tables (expected -> given):");
            for (var g : r.goldenChanges()) {
                out.printf("  line %d  %s -> %s  %s%n", g.line(), g.expected().index().toPlainString() + " " + g.expected().band(),
                        g.given().index().toPlainString() + " " + g.given().band(), g.caseName());
            }
            out.println("If the new numbers are right: rapor-cli accept-golden … " + r.revision());
        }
        if (r.state().equals("DRAFT")) out.println("Every check passed; it serves only once activated (rapor-cli activate … " + r.revision() + ").");
    }

    void approved(Types.Revision r) {
        out.printf("revision %d approved by %s; it may be activated now%n", r.revision(), r.approvedBy());
    }

    void activated(Types.Revision r) {
        out.println(r.revision() == 0 ? "the rule bundles serve again: " + r.version() : "revision " + r.revision() + " serves: " + r.version());
    }

    void diff(Types.Diff d) {
        out.printf("from revision %d to revision %d: %d change(s)%n", d.from(), d.to(), d.changes().size());
        String file = null;
        for (var c : d.changes()) {
            if (!c.file().equals(file)) out.println((file = c.file()) + ":");
            out.printf("  %s %s%n", c.kind(), c.key());
            if (c.before() != null) out.println("    - " + c.before());
            if (c.after() != null) out.println("    + " + c.after());
        }
    }

    void audit(List<Types.AuditEntry> entries) {
        String row = "%-24s %-10s %-18s %-16s %-4s %-6s %s%n";
        out.printf(row, "TIME", "USER", "ACTION", "METHODOLOGY", "REV", "STATUS", "DETAIL");
        for (var e : entries) {
            out.printf(row, e.time(), text(e.user()), e.action(), text(e.methodology()), e.revision() == null ? "" : e.revision(), e.status(),
                    text(e.detail()));
        }
    }

    void recordChanges(List<Types.RecordChange> changes) {
        String row = "%-24s %-12s %-20s %-22s %s%n";
        out.printf(row, "TIME", "USER", "ACTION", "SUBJECT", "DETAIL");
        for (var c : changes) out.printf(row, c.time(), text(c.user()), c.action(), c.subject(), text(c.detail()));
    }

    private void ruleErrors(List<Types.RuleError> errors) {
        for (var e : errors) out.printf("    %s:%d: %s%n", e.file(), e.line(), e.message());
    }

    private static String unitName(Types.RegionScore r, int k) {
        String name = r.units().get(k).unit();
        return name != null ? name : "(unit " + (k + 1) + ")";
    }

    /** A unit's errors by row and column of its file. */
    private static String errors(UnitsFile file, int k, List<Types.FieldError> errors) {
        return errors.stream().map(e -> file.explain(k, e)).collect(Collectors.joining("; "));
    }

    void units(List<Types.Unit> list) {
        int width = Math.max(4, list.stream().mapToInt(u -> u.id().length()).max().orElse(0));
        String row = "%-" + width + "s  %-12s %-" + width + "s  %-8s %s%n";
        out.printf(row, "UNIT", "KIND", "PARENT", "ACTIVE", "NAME");
        for (var u : list) out.printf(row, u.id(), u.kind(), text(u.parent()), u.active() ? "yes" : "no", u.name());
    }

    /** A round's sheet imported: each row's new draft. */
    void imported(Types.RoundImport r) {
        out.printf("%d assessments of %s imported as drafts (%s %d)%n", r.imported(), r.region(), r.methodology(), r.year());
        for (var a : r.assessments()) {
            out.printf("  row %d: assessment %d, %s %s: %s %s%n", a.row(), a.id(), a.unit(), a.role(), a.index().toPlainString(), a.band());
        }
    }

    /** One stored assessment: what it is, its score and what gave it. */
    void assessment(Types.AssessmentRecord a) {
        out.printf("assessment %d: %s %s %d, %s, %s: %s %s (%s %s)%s%n", a.id(), a.unit(), a.family(), a.year(), a.role(), a.state(),
                a.index().toPlainString(), a.band().code(), a.methodology().id(), a.methodology().version(),
                a.rescoredFrom() == null ? "" : ", re-scored from assessment " + a.rescoredFrom());
    }

    void attached(Types.Evidence e) {
        out.printf("%s: %s (%s, %d bytes, sha256 %s)%n", e.indicator(), e.name(), e.mediaType(), e.size(), e.sha256());
    }

    void evidence(List<Types.Evidence> list) {
        if (list.isEmpty()) {
            out.println("no evidence");
            return;
        }
        for (var e : list) attached(e);
    }

    void assessments(List<Types.AssessmentRecord> list) {
        if (list.isEmpty()) {
            out.println("no assessments");
            return;
        }
        String row = "%-6s %-8s %-5s %-10s %-10s %-22s %7s %-4s %-9s %s%n";
        out.printf(row, "ID", "FAMILY", "YEAR", "ROLE", "STATE", "METHODOLOGY", "INDEX", "BAND", "OFFICIAL", "BY");
        for (var a : list) {
            String by = a.methodology().id() + " " + a.methodology().version();
            out.printf(row, a.id(), a.family(), a.year(), a.role(), a.state(), by, a.index().toPlainString(), a.band().code(),
                    Boolean.TRUE.equals(a.official()) ? "official" : "", a.updatedBy());
        }
    }

    /** A region's round: the index and the lists first, then a row per unit, best first (the way a mayor reads it). */
    void monitoring(Types.MonitoringView v) {
        out.printf("%s (%s), %s %d  [%s %s]%n", v.region().name(), v.region().id(), v.family(), v.year(), v.methodology().id(),
                v.methodology().version());
        var sum = v.summary();
        if (v.empty()) {
            out.println(v.note());
        } else {
            out.printf("index %s %s: the %s of %d of %d units%n", number(v.index()), band(v.band()), v.aggregation(), sum.scored(), sum.units());
        }
        if (v.previous() != null) {
            var p = v.previous();
            out.printf("previous round %d: %s%s%s%n", p.year(), number(p.index()), p.band() == null ? "" : " " + p.band().code(),
                    p.change() == null ? "" : ", change " + change(p.change()));
        }
        out.println("units per band: " + v.bands().stream().map(b -> b.code() + " " + b.units()).collect(Collectors.joining(", ")));
        out.println("not entered: " + names(v.notEntered()));
        out.println("below the index: " + names(v.belowAverage()));
        if (v.atOrBelow() != null) out.println("at or below " + v.atOrBelow().band() + " (Prioritas Pembinaan): " + names(v.atOrBelow().units()));
        for (var r : v.regions()) {
            out.printf("region %s: %s%s, %d of %d units scored%n", r.id(), r.index() == null ? "no index" : number(r.index()),
                    r.band() == null ? "" : " " + r.band().code(), r.scored(), r.units());
        }
        if (v.units().isEmpty()) return;
        int width = 4;
        for (var u : v.units()) width = Math.max(width, u.id().length());
        String row = "%-4s %-" + width + "s %7s %-6s %-9s %7s %7s %7s %7s %-6s %7s %s";
        out.println();
        String before = v.previous() == null ? "BEFORE" : String.valueOf(v.previous().year());
        out.println(String.format(row, "RANK", "UNIT", "INDEX", "BAND", "ROLE", "SELF", "EVAL", "VERIF", "GAP", "VS", before, "CHANGE"));
        for (var u : v.units()) {
            var o = u.official();
            var p = u.previous();
            if (!"scored".equals(u.status()) && o == null) {
                out.printf("%-4s %-" + width + "s %s%n", "-", u.id(), u.status());
                continue;
            }
            out.println(String.format(row, u.rank() == null ? "-" : u.rank(), u.id(), number(o.index()), o.band().code(), o.role(),
                    number(u.self()), number(u.evaluator()), number(u.verifier()), number(u.gap()), u.position() == null ? u.status() : u.position(),
                    p == null ? "" : number(p.official().index()), p == null || p.change() == null ? "" : change(p.change())).stripTrailing());
        }
    }

    /** Every round, oldest first, with the change since the round before. */
    void history(Types.History h) {
        out.printf("%s (%s), %s: %s%n", h.unit().name(), h.unit().id(), h.family(),
                h.region() ? "the index of its units, round by round" : "its official score, round by round");
        if (h.rounds().isEmpty()) {
            out.println("no official score yet");
            return;
        }
        String row = "%-5s %-30s %7s %-6s %-12s %s";
        out.println(String.format(row, "YEAR", "METHODOLOGY", "INDEX", "BAND", h.region() ? "SCORED" : "ROLE", "CHANGE"));
        for (var r : h.rounds()) {
            String versions = r.versions().stream().map(Types.MethodVersion::version).collect(Collectors.joining(", "));
            out.println(String.format(row, r.year(), r.methodology() + " " + versions, number(r.index()), r.band() == null ? "" : r.band().code(),
                    h.region() ? r.scored() + " units" : r.role(), r.change() == null ? "" : change(r.change())).stripTrailing());
        }
    }

    /** "+2.07 (+2.22%)", and, beside it, a change of methodology: then it is not only performance. */
    private static String change(Types.MonitoringChange c) {
        String s = signed(c.points()) + (c.percent() == null ? "" : " (" + signed(c.percent()) + "%)");
        if (!c.methodologyChanged()) return s;
        return s + "  methodology changed: " + methods(c.from()) + " -> " + methods(c.to());
    }

    private static String methods(List<Types.MethodVersion> list) {
        return list.stream().map(m -> m.id() + " " + m.version()).collect(Collectors.joining(", "));
    }

    private static String signed(BigDecimal d) {
        return (d.signum() > 0 ? "+" : "") + d.toPlainString();
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
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

    /** The command's output stream, left open when a CSV printer closes. */
    private static final class NoClose extends java.io.FilterWriter {
        NoClose(PrintStream out) {
            super(new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws java.io.IOException {
            flush();
        }
    }

    void plan(Types.Plan p) {
        out.printf("%s: %s %s; target %s (from %s)  [%s %s]%n", text(p.unit()), number(p.index()), band(p.band()), p.target().code(),
                number(p.target().min()), p.methodology().id(), p.methodology().version());
        if (p.reachable()) {
            out.printf("reaches %s %s at cost %s:%n", number(p.indexAfter()), band(p.bandAfter()), number(p.cost()));
        } else {
            out.printf("cannot reach %s: %s%n", p.target().code(), p.reason());
            if (!p.steps().isEmpty()) out.printf("the most it can reach, %s %s, at cost %s:%n", number(p.indexAfter()), band(p.bandAfter()), number(p.cost()));
        }
        if (!p.steps().isEmpty()) {
            String row = "  %-9s %-6s %-9s %-6s %-8s %s%n";
            out.printf(row, "INDICATOR", "CODE", "ANSWER", "COST", "GAIN", "LEVEL TO REACH");
            for (var s : p.steps()) {
                out.printf(row, s.indicator(), text(s.code()), number(s.from()) + " → " + number(s.to()), number(s.cost()), "+" + number(s.gain()),
                        s.descriptor());
            }
        }
        for (String line : p.method()) out.println("  " + line);
    }

    void comparison(Types.Comparison c) {
        out.printf("%s  %s %s  [%s %s]%n", "before", number(c.before().index()), band(c.before().band()), c.before().methodology().id(),
                c.before().methodology().version());
        out.printf("%s   %s %s  [%s %s]%n", "after", number(c.after().index()), band(c.after().band()), c.after().methodology().id(),
                c.after().methodology().version());
        out.printf("difference %s%n", signed(c.difference()));
        if (c.decomposed()) {
            String row = "  %-8s %-7s %-7s %-7s %s%n";
            out.printf(row, "PART", "FROM", "TO", "CHANGE", "INDICATORS");
            for (var part : c.parts()) {
                out.printf(row, part.kind(), number(part.from()), number(part.to()), signed(part.change()),
                        part.indicators().size() > 6 ? part.indicators().size() + ": " + String.join(" ", part.indicators().subList(0, 6)) + " …"
                                : String.join(" ", part.indicators()));
            }
        } else {
            out.println("not split: " + c.reason());
        }
        out.println("bands under each scheme:");
        for (var b : c.bands()) {
            out.printf("  %-6s %-7s under %-15s %s%n", b.of(), number(b.index()), b.scheme(), b.band() == null ? "(outside its scale)" : band(b.band()));
        }
        if (c.crosswalk() != null) {
            long unsure = c.crosswalk().rows().stream().filter(r -> !r.confidence().equals("C")).count();
            out.printf("crosswalk of %s: %d rows, %d unconfirmed (U/S)%n", c.crosswalk().carriedBy(), c.crosswalk().rows().size(), unsure);
        }
        for (String line : c.method()) out.println("  " + line);
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
